from spec import assert_catches, assert_clean

R = "DG602"


def test_catches_cgo_with_gcc_on_alpine_into_debian():
    assert_catches(R, """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache gcc musl-dev
        RUN go build -o /out/app .
        FROM debian:bookworm-slim
        COPY --from=build /out/app /app
    """, line=5)


def test_catches_explicit_cgo_into_distroless_base():
    assert_catches(R, """
        FROM golang:1.23-alpine AS build
        ARG CGO_ENABLED=1
        RUN go build -o /out/app .
        FROM gcr.io/distroless/base-debian12:nonroot
        COPY --from=build /out/app /app
    """)


def test_catches_c_binary_into_scratch():
    assert_catches(R, """
        FROM alpine:3.20 AS build
        WORKDIR /src
        RUN gcc -o hello hello.c
        FROM scratch
        COPY --from=build /src/hello /hello
    """)


def test_catches_through_a_stage_chain():
    assert_catches(R, """
        FROM alpine:3.20 AS toolchain
        RUN apk add --no-cache build-base
        FROM toolchain AS build
        RUN cc -o /hello hello.c
        FROM ubuntu:24.04
        COPY --from=build /hello /hello
    """)


def test_clean_static_or_cgo_off():
    assert_clean(R, """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache gcc musl-dev
        RUN go build -ldflags '-linkmode external -extldflags "-static"' -o /out/a .
        RUN CGO_ENABLED=0 go build -o /out/b .
        RUN gcc -static -o /out/c c.c
        FROM debian:bookworm-slim
        COPY --from=build /out/a /out/b /out/c /usr/local/bin/
    """)


def test_clean_default_golang_alpine_and_go_into_scratch():
    assert_clean(R, "FROM golang:1.23-alpine AS build\nRUN go build -o /out/app .\n"
                    "FROM debian:bookworm-slim\nCOPY --from=build /out/app /app\n")
    assert_clean(R, "FROM golang:1.23-alpine AS build\nRUN apk add gcc musl-dev && go build -o /out/app .\n"
                    "FROM scratch\nCOPY --from=build /out/app /app\n")


def test_clean_into_alpine():
    assert_clean(R, "FROM alpine:3.20 AS build\nRUN gcc -o /hello hello.c\n"
                    "FROM alpine:3.20\nCOPY --from=build /hello /hello\n")


def test_clean_static_cgo_on_alpine_into_distroless_base():
    assert_clean(R, """
        FROM golang:1.27-alpine3.24 AS build
        RUN apk add --no-cache gcc musl-dev
        COPY . .
        RUN CGO_ENABLED=1 go build -ldflags '-s -w -linkmode external -extldflags "-static"' -o /out/app .
        FROM gcr.io/distroless/base-debian13:nonroot
        COPY --from=build /out/app /app
    """)
