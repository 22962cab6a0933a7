from spec import assert_catches, assert_clean, fired
from snipcheck.model import Severity

R = "DG601"


def test_catches_default_cgo_as_warning():
    text = "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n"
    assert_catches(R, text, line=4)
    assert fired(R, text)[0].severity == Severity.WARNING


def test_catches_explicit_cgo_as_error():
    text = ("FROM golang:1.23-bookworm AS build\nENV CGO_ENABLED=1\nRUN go build -o /out/app .\n"
            "FROM alpine:3.20\nCOPY --from=build /out/app /app\n")
    assert fired(R, text)[0].severity == Severity.ERROR


def test_catches_c_binary_from_debian():
    assert_catches(R, """
        FROM debian:bookworm-slim AS build
        WORKDIR /src
        RUN gcc -O2 -o hello hello.c
        FROM alpine:3.20
        COPY --from=build /src/hello /usr/local/bin/hello
    """)


def test_catches_through_intermediate_stages_and_final_chain():
    assert_catches(R, """
        ARG GO=1.23
        FROM golang:${GO} AS build
        WORKDIR /src
        RUN go build -o bin/app ./cmd/app
        FROM busybox:1.36 AS collect
        COPY --from=build /src/bin/app /dist/
        FROM alpine:3.20 AS runtime
        COPY --from=collect /dist/app /usr/local/bin/app
        FROM runtime
    """, line=8)


def test_clean_with_cgo_off_or_static():
    assert_clean(R, "FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n"
                    "FROM alpine:3.20\nCOPY --from=build /out/app /app\n")
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/a . && \\
            go build -tags netgo,osusergo -o /out/b .
        FROM alpine:3.20
        COPY --from=build /out/a /out/b /usr/local/bin/
    """)


def test_clean_when_built_on_alpine_or_shipped_elsewhere():
    assert_clean(R, "FROM golang:1.23-alpine AS build\nRUN go build -o /out/app .\n"
                    "FROM alpine:3.20\nCOPY --from=build /out/app /app\n")
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
                    "FROM debian:bookworm-slim\nCOPY --from=build /out/app /app\n")


def test_clean_for_non_binaries_and_unknown_builders():
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
                    "FROM alpine:3.20\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\n")
    assert_clean(R, "FROM example.com/builder AS build\nRUN go build -o /out/app .\n"
                    "FROM alpine:3.20\nCOPY --from=build /out/app /app\n")


def test_clean_shown_source_without_cgo_packages_and_static_cgo():
    assert_clean(R, """
        FROM golang:1.27-trixie AS build
        COPY <<EOF main.go
        package main

        import "fmt"

        func main() { fmt.Println("hello") }
        EOF
        RUN go mod init example.com/hello && go build -o /out/app .
        FROM alpine:3.24
        COPY --from=build /out/app /app
    """)
    assert_clean(R, """
        FROM golang:1.27-trixie AS build
        COPY . .
        RUN CGO_ENABLED=1 go build -ldflags '-linkmode external -extldflags "-static"' -o /out/app .
        FROM alpine:3.24
        COPY --from=build /out/app /app
    """)


def test_catches_shown_net_http_as_error():
    text = """
        FROM golang:1.27-trixie AS build
        COPY <<EOF main.go
        package main

        import "net/http"

        func main() { _ = http.StatusOK }
        EOF
        RUN go mod init example.com/hello && go build -o /out/app .
        FROM alpine:3.24
        COPY --from=build /out/app /app
    """
    assert fired(R, text)[0].severity == Severity.ERROR
