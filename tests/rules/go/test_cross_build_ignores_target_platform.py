from spec import assert_catches, assert_clean

R = "DG407"


def test_catches_build_without_goarch():
    assert_catches(R, """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        RUN go build -o /app .
    """, line=2)


def test_catches_fixed_goarch():
    assert_catches(R, """
        FROM --platform=${BUILDPLATFORM} golang:1.23-alpine AS build
        ENV GOARCH=amd64
        RUN CGO_ENABLED=0 go build -o /app .
    """)


def test_catches_in_a_stage_built_from_the_builder():
    assert_catches(R, """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS base
        ARG TARGETARCH
        RUN GOARCH=$TARGETARCH go build -o /a .
        FROM base AS tools
        RUN go build -o /b ./tools
    """, count=1, line=5)


def test_clean_with_target_arch():
    assert_clean(R, """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        ARG TARGETOS TARGETARCH
        RUN --mount=type=cache,target=/root/.cache/go-build \\
            CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .
    """)


def test_clean_with_env_export_or_xx():
    assert_clean(R, """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build
        ARG TARGETARCH
        ENV GOARCH=${TARGETARCH}
        RUN go build -o /a .
        FROM --platform=$BUILDPLATFORM golang:1.23 AS build2
        ARG TARGETPLATFORM
        RUN export GOARCH="$(echo ${TARGETPLATFORM} | cut -d/ -f2)" && go build -o /b .
        FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx
        RUN xx-go build -o /c .
    """)


def test_clean_without_buildplatform():
    assert_clean(R, "FROM golang:1.23\nRUN go build -o /app .\n")
    assert_clean(R, "FROM --platform=linux/amd64 golang:1.23\nRUN go build -o /app .\n")


def test_clean_for_tools_installed_for_the_build_machine():
    assert_clean(R, """
        FROM --platform=$BUILDPLATFORM golang:1.23 AS gen
        RUN go install golang.org/x/tools/cmd/stringer@v0.24.0
    """)
