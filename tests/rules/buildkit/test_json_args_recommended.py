"""DG107 json-args-recommended."""

from spec import assert_catches, assert_clean

R = "DG107"


def test_catches_shell_form_cmd():
    assert_catches(R, "FROM alpine:3.20\nRUN true\nCMD /usr/local/bin/app serve", count=1, line=3)


def test_catches_shell_form_entrypoint():
    assert_catches(R, "FROM debian:bookworm-slim\nENTRYPOINT /app --port 8080")


def test_catches_shell_form_healthcheck():
    assert_catches(R, "FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD wget -qO- localhost:8080", line=2)


def test_a_healthcheck_that_needs_the_shell_is_left_alone():
    # `|| exit 1` needs /bin/sh, which alpine has: a JSON array would change the meaning.
    assert_clean(R, "FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD wget -qO- localhost:8080 || exit 1")


def test_catches_in_a_fragment():
    assert_catches(R, "CMD ./app")


def test_catches_when_shell_was_changed_only_in_an_unrelated_stage():
    assert_catches(R, """
        FROM alpine:3.20 AS build
        SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
        FROM alpine:3.20
        CMD ./app
    """, line=4)


def test_catches_cmd_before_the_shell_instruction():
    assert_catches(R, "FROM alpine:3.20\nCMD ./app\nSHELL [\"/bin/ash\", \"-c\"]", line=2)


def test_clean_exec_form():
    assert_clean(R, 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["serve", "--port", "8080"]')


def test_clean_exec_form_healthcheck_and_none():
    assert_clean(R, 'FROM alpine:3.20\nHEALTHCHECK CMD ["/app", "health"]\nHEALTHCHECK NONE')


def test_clean_after_explicit_shell():
    assert_clean(R, 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD ./app serve')


def test_clean_shell_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM debian:bookworm-slim AS base
        SHELL ["/bin/bash", "-c"]
        FROM base AS mid
        FROM mid
        CMD ./app serve
    """)


def test_clean_without_a_shell_in_the_image_left_to_dg504():
    assert_clean(R, "FROM scratch\nCOPY app /app\nCMD /app")


def test_clean_empty_cmd():
    assert_clean(R, "FROM alpine:3.20\nCMD")
