"""DG702 last-user-root."""

from spec import assert_catches, assert_clean

R = "DG702"


def test_catches_root_last():
    assert_catches(R, "FROM debian:bookworm-slim\nUSER 65534\nRUN id\nUSER root", count=1, line=4)


def test_catches_uid_zero_with_group():
    assert_catches(R, "FROM alpine:3.20\nUSER 0:0")
    assert_catches(R, "FROM alpine:3.20\nUSER root:root")


def test_catches_root_inherited_through_a_chain():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        USER root
        FROM base AS mid
        RUN true
        FROM mid
        COPY app /app
    """, count=1, line=2)


def test_catches_root_on_nonroot_distroless():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:nonroot\nUSER 0", line=2)


def test_catches_final_root_after_a_builder_that_switched_back():
    assert_catches(R, """
        FROM golang:1.23 AS build
        USER 65534
        FROM alpine:3.20
        USER root
    """, line=4)


def test_clean_switched_back_after_root():
    assert_clean(R, "FROM debian:bookworm-slim\nUSER root\nRUN id\nUSER 65534:65534")


def test_clean_root_only_in_a_builder_stage():
    assert_clean(R, "FROM golang:1.23 AS build\nUSER root\nFROM alpine:3.20\nUSER 65534")


def test_clean_child_overrides_root_of_its_parent():
    assert_clean(R, """
        FROM alpine:3.20 AS base
        USER root
        FROM base AS mid
        USER 65534
        FROM mid
    """)


def test_clean_names_that_only_start_with_root():
    assert_clean(R, "FROM alpine:3.20\nUSER rootless\nUSER 1000:0")


def test_clean_no_user_is_dg701s_business():
    assert_clean(R, "FROM alpine:3.20")


def test_clean_fragment():
    assert_clean(R, "USER root")
