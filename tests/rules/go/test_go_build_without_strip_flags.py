from spec import assert_catches, assert_clean

R = "DG403"
FINAL = "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n"


def test_catches_release_build_without_ldflags():
    assert_catches(R, "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n" + FINAL, line=2)


def test_catches_w_without_s():
    assert_catches(R, 'FROM golang:1.23 AS build\nRUN go build -ldflags="-w -X main.v=1" -o /out/app .\n' + FINAL)


def test_catches_through_arg_default_and_stage_chain():
    assert_catches(R, """
        FROM golang:1.23 AS base
        FROM base AS build
        ARG LDFLAGS="-X main.version=dev"
        RUN --mount=type=cache,target=/root/.cache/go-build go build -ldflags "$LDFLAGS" -o /out/app .
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/app /app
    """)


def test_catches_in_single_stage_build():
    assert_catches(R, "FROM golang:1.23\nRUN go install ./cmd/app\n")


def test_clean_with_s_w_in_any_quoting():
    assert_clean(R, 'FROM golang:1.23 AS build\nRUN go build -ldflags="-s -w" -o /out/app .\n' + FINAL)
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -ldflags '-s -w -X main.v=1' -o /out/app .\n" + FINAL)
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -ldflags=-s -o /out/app .\n" + FINAL)


def test_clean_with_ldflags_from_arg_or_goflags():
    assert_clean(R, """
        FROM golang:1.23 AS build
        ARG LDFLAGS="-s -w"
        ENV GOFLAGS=-ldflags=-s
        RUN go build -ldflags="$LDFLAGS" -o /out/app . && go build -o /out/tool ./tool
        FROM scratch
        COPY --from=build /out /out
    """)


def test_clean_for_unknown_value_debug_builds_and_checks():
    assert_clean(R, """
        FROM golang:1.23 AS build
        ARG LDFLAGS
        RUN go build -ldflags="$LDFLAGS" -o /out/app .
        RUN go build ./... && go build -race -o /out/race . && go build -gcflags="all=-N -l" -o /out/dbg .
        FROM scratch
        COPY --from=build /out /out
    """)


def test_clean_for_stages_that_do_not_reach_the_final_image():
    assert_clean(R, """
        FROM golang:1.23 AS test
        RUN go build -o /tmp/x . && go test ./...
        FROM golang:1.23 AS build
        RUN go build -ldflags="-s -w" -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_when_quoting_is_broken_left_to_dg404():
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -ldflags=-w -s -o /out/app .\n" + FINAL)


def test_clean_for_pinned_tool_installs():
    assert_clean(R, "FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.0\n")
