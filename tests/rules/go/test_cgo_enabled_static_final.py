"""DG401 cgo-enabled-static-final."""

from snipcheck.model import Severity
from spec import assert_catches, assert_clean, fired

R = "DG401"


def test_catches_debian_builder_into_scratch():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, count=1, line=2)


def test_catches_into_distroless_static_nonroot_by_index():
    assert_catches(R, """
        FROM golang:1.23
        RUN go build -o /out/app .
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=0 /out/app /app
    """, line=2)


def test_catches_cgo_enabled_1_and_export_in_an_earlier_run():
    assert_catches(R, """
        FROM golang:1.23 AS build
        ENV CGO_ENABLED=1
        RUN export CGO_ENABLED=0
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, count=1, line=4)


def test_alpine_builder_is_info():
    text = """
        FROM golang:1.23-alpine AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert_catches(R, text, count=1, line=2)
    assert fired(R, text)[0].severity == Severity.INFO


def test_alpine_builder_with_gcc_is_error():
    text = """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache gcc musl-dev
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert_catches(R, text, count=1, line=3)
    assert fired(R, text)[0].severity == Severity.ERROR


def test_catches_builder_chain_several_stages_deep():
    assert_catches(R, """
        ARG GO=golang:1.23
        FROM $GO AS base
        FROM base AS mid
        FROM mid AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, line=5)


def test_catches_build_in_an_ancestor_of_the_copied_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM build AS pack
        RUN true
        FROM scratch
        COPY --from=build /out/app /app
        COPY --from=pack /out/app /app2
    """, count=1, line=2)


def test_catches_build_only_in_the_parent_of_the_copied_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM build AS pack
        FROM scratch
        COPY --from=pack /out/app /app
    """, line=2)


def test_catches_copy_in_an_ancestor_of_the_final_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM scratch AS runtime
        COPY --from=build /out/app /app
        FROM runtime
    """, line=2)


def test_clean_cgo_disabled_on_the_command():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN CGO_ENABLED=0 go build -o /out/app . && env CGO_ENABLED=0 go build -o /out/b ./b
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_cgo_disabled_by_env_arg_or_export():
    assert_clean(R, """
        FROM golang:1.23 AS a
        ENV CGO_ENABLED=0
        RUN go build -o /out/a .
        FROM golang:1.23-alpine AS b
        ARG CGO_ENABLED=0
        RUN go build -o /out/b .
        FROM golang:1.23 AS c
        RUN export CGO_ENABLED=0 && go build -o /out/c .
        FROM scratch
        COPY --from=a /out/a /a
        COPY --from=b /out/b /b
        COPY --from=c /out/c /c
    """)


def test_clean_env_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM golang:1.23 AS base
        ENV CGO_ENABLED=0
        FROM base AS mid
        FROM mid AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_final_image_has_libc():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM gcr.io/distroless/base-debian12:nonroot
        COPY --from=build /out/app /app
        FROM debian:bookworm-slim
        COPY --from=build /out/app /app
    """)


def test_clean_builder_not_copied_into_the_final_stage():
    assert_clean(R, """
        FROM golang:1.23 AS test
        RUN go build ./...
        FROM golang:1.23 AS build
        RUN CGO_ENABLED=0 go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_unknown_builder_and_fragment():
    assert_clean(R, """
        FROM registry.local/go:1 AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)
    assert_clean(R, "RUN go build -o /out/app .")
