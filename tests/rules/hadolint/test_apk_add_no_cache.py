"""DG203 apk-add-without-no-cache."""

from spec import assert_catches, assert_clean

R = "DG203"


def test_catches_apk_add():
    assert_catches(R, "RUN apk add git", count=1, line=1)


def test_catches_after_apk_update_and_with_other_flags():
    assert_catches(R, "RUN apk update && apk add --virtual .build -t tools gcc", count=1)


def test_catches_in_a_heredoc_body():
    assert_catches(R, """
        FROM alpine:3.20
        RUN <<EOF
        set -e
        apk add git
        EOF
    """, line=2)


def test_catches_through_onbuild():
    assert_catches(R, "FROM alpine:3.20\nONBUILD RUN apk add git", line=2)


def test_catches_with_a_cache_mount_elsewhere():
    assert_catches(R, "RUN --mount=type=cache,target=/root/.cache apk add git")


def test_catches_each_run_in_a_stage_chain():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        RUN apk add curl
        FROM base AS mid
        RUN apk add --no-cache jq
        FROM mid
        RUN sudo apk add git
    """, count=2)


def test_clean_no_cache():
    assert_clean(R, "RUN apk add --no-cache git")


def test_clean_no_cache_before_the_subcommand():
    assert_clean(R, "RUN apk --no-cache add git && apk --update --no-cache add curl")


def test_clean_cache_mount_at_var_cache_apk():
    assert_clean(R, "RUN --mount=type=cache,target=/var/cache/apk apk add git")


def test_clean_cache_mount_with_dst_trailing_slash_and_options():
    assert_clean(R, "RUN --mount=type=cache,sharing=locked,dst=/var/cache/apk/ apk add git")


def test_clean_other_apk_commands():
    assert_clean(R, "RUN apk del git && apk info && echo apk add")


def test_clean_no_cache_in_a_heredoc():
    assert_clean(R, """
        FROM alpine:3.20
        RUN <<EOF
        apk add --no-cache git
        EOF
    """)
