from spec import assert_catches, assert_clean

R = "DG302"


def test_catches_output_renamed_by_go_build():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/server .
        FROM scratch
        COPY --from=build /out/app /app
    """, line=4)


def test_catches_zoneinfo_from_golang_alpine():
    assert_catches(R, """
        FROM golang:1.23-alpine AS build
        RUN CGO_ENABLED=0 go build -o /out/app .
        FROM scratch
        COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
    """)


def test_catches_output_left_in_a_cache_mount():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN --mount=type=cache,target=/out go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_catches_through_a_stage_chain():
    assert_catches(R, """
        FROM golang:1.23 AS base
        WORKDIR /src
        FROM base AS build
        RUN go build -o bin/app .
        FROM build AS tested
        RUN go vet ./...
        FROM scratch
        COPY --from=tested /src/bin/server /server
    """)


def test_catches_image_without_the_path():
    assert_catches(R, """
        FROM scratch
        COPY --from=alpine:3.20 /usr/share/zoneinfo /usr/share/zoneinfo
    """)


def test_catches_with_arg_in_from_and_workdir():
    assert_catches(R, """
        ARG GO_VERSION=1.23
        FROM golang:${GO_VERSION}-alpine AS build
        ARG APP=server
        WORKDIR /src
        RUN go build -o /out/${APP} .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_when_paths_match():
    assert_clean(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        RUN go build -o bin/app . && mkdir -p /data
        FROM scratch
        COPY --from=build /src/bin/app /app
        COPY --from=build /data /data
        COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
        COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    """)


def test_clean_when_tzdata_is_installed():
    assert_clean(R, """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache tzdata
        FROM scratch
        COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
    """)


def test_clean_for_commands_it_does_not_model():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN make release
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_for_copies_and_heredocs_in_the_source_stage():
    assert_clean(R, """
        FROM alpine:3.20 AS files
        COPY config/ /etc/app/
        COPY <<EOF /etc/motd
        hello
        EOF
        FROM scratch
        COPY --from=files /etc/app/app.yaml /etc/app/app.yaml
        COPY --from=files /etc/motd /etc/motd
    """)


def test_clean_when_output_is_copied_out_of_the_cache_mount():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN --mount=type=cache,target=/tmp/build go build -o /tmp/build/app . && cp /tmp/build/app /app
        FROM scratch
        COPY --from=build /app /app
    """)


def test_clean_for_unknown_base_and_variable_sources():
    assert_clean(R, """
        FROM example.com/builder:1 AS build
        FROM scratch
        ARG TARGET=app
        COPY --from=build /out/app /app
        COPY --from=build /out/${TARGET} /x
    """)
