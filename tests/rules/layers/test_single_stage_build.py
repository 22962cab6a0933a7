from spec import assert_catches, assert_clean

R = "DG614"


def test_catches_go_build_in_only_stage():
    assert_catches(R, 'FROM golang:1.23\nCOPY . /src\nRUN go build -o /app /src\nCMD ["/app"]', line=3)


def test_catches_make_on_alpine():
    assert_catches(R, 'FROM alpine:3.20\nRUN apk add --no-cache build-base\nCOPY . /src\nRUN make -C /src\n'
                      'CMD ["/src/app"]', line=4)


def test_catches_arg_resolved_toolchain_even_when_cleaning():
    assert_catches(R, 'ARG V=1.80\nFROM rust:${V}\nRUN apk add --no-cache --virtual .b musl-dev && cargo build '
                      '&& apk del .b\nCMD ["/app"]')


def test_catches_heredoc_build():
    assert_catches(R, """
        # syntax=docker/dockerfile:1
        FROM golang:1.23
        RUN <<EOF
        go build -o /app .
        EOF
        ENTRYPOINT ["/app"]
    """)


def test_clean_multi_stage():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN go build -o /app .
        FROM scratch
        COPY --from=build /app /app
        ENTRYPOINT ["/app"]
    """)


def test_clean_toolchain_installed_and_removed_in_same_run():
    assert_clean(R, 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build gcc musl-dev && gcc -o /app a.c '
                    '&& apk del .build\nCMD ["/app"]')


def test_clean_builder_excerpt_without_cmd():
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -o /out/app .")


def test_clean_no_compile():
    assert_clean(R, 'FROM alpine:3.20\nCOPY app /app\nRUN go version\nCMD ["/app"]')
