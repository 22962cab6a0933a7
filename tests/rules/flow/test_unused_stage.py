from spec import assert_catches, assert_clean

R = "DG303"


def test_catches_stage_nothing_uses():
    assert_catches(R, """
        FROM golang:1.23 AS build
        FROM alpine:3.20 AS debug
        FROM scratch
        COPY --from=build /out/app /app
    """, count=1, line=2)


def test_catches_unnamed_stage():
    assert_catches(R, """
        FROM alpine:3.20
        RUN echo hi
        FROM scratch
    """, line=1)


def test_catches_stage_only_an_unused_stage_would_need_it_not():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        FROM base AS test
        RUN echo test
        FROM scratch
    """, count=1, line=2)


def test_clean_when_used_by_from_copy_and_mount():
    assert_clean(R, """
        FROM golang:1.23 AS deps
        FROM deps AS build
        FROM alpine:3.20 AS certs
        FROM busybox:1.36 AS tools
        RUN --mount=type=bind,from=tools,source=/bin,target=/tools true
        FROM scratch
        COPY --from=certs /etc/ssl/certs /etc/ssl/certs
        COPY --from=3 /bin/busybox /busybox
        COPY --from=build /out/app /app
    """)


def test_clean_when_reference_uses_a_variable():
    assert_clean(R, """
        ARG VARIANT=alpine
        FROM alpine:3.20 AS build-alpine
        FROM debian:bookworm-slim AS build-debian
        FROM scratch
        COPY --from=build-${VARIANT} /out/app /app
    """)


def test_clean_when_from_arg_names_the_stage():
    assert_clean(R, """
        ARG BASE=runtime
        FROM alpine:3.20 AS runtime
        FROM ${BASE}
    """)


def test_clean_when_a_typo_hides_the_use():
    assert_clean(R, """
        FROM golang:1.23 AS builder
        FROM scratch
        COPY --from=buidler /out/app /app
    """)


def test_clean_single_stage():
    assert_clean(R, "FROM alpine:3.20\nRUN echo hi\n")
