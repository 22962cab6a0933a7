"""DG204 apt-install-recommends."""

from spec import assert_catches, assert_clean

R = "DG204"


def test_catches_install():
    assert_catches(R, "RUN apt-get update && apt-get install -y curl", count=1, line=1)


def test_catches_flags_before_subcommand():
    assert_catches(R, "RUN apt-get -y -o Dpkg::Options::=--force-confnew install curl")


def test_catches_in_a_heredoc_body():
    assert_catches(R, """
        FROM debian:bookworm-slim
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        EOF
    """, line=2)


def test_catches_through_onbuild_and_sudo():
    assert_catches(R, "ONBUILD RUN sudo apt-get install -y curl")


def test_catches_with_an_apt_cache_mount():
    assert_catches(R, "RUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl")


def test_catches_each_install_in_a_stage_chain():
    assert_catches(R, """
        FROM debian:bookworm-slim AS base
        RUN apt-get install -y curl
        FROM base AS mid
        RUN apt-get install -y --no-install-recommends jq
        FROM mid
        RUN apt-get install -y git
    """, count=2)


def test_clean_no_install_recommends():
    assert_clean(R, "RUN apt-get update && apt-get install -y --no-install-recommends curl")


def test_clean_apt_option_false():
    assert_clean(R, "RUN apt-get -o APT::Install-Recommends=false install -y curl")


def test_clean_other_subcommands():
    assert_clean(R, "RUN apt-get update && apt-get upgrade -y && apt-get remove -y curl && echo apt-get install")


def test_clean_in_a_heredoc():
    assert_clean(R, """
        FROM debian:bookworm-slim
        RUN <<EOF
        apt-get update
        apt-get install -y --no-install-recommends curl
        EOF
    """)
