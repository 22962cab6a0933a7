"""DG901 buildkit-feature-without-syntax: only flags newer than the built-in frontend of Engine 23+ ask for it."""

from snipcheck.model import Severity
from spec import assert_catches, assert_clean, fired

R = "DG901"


def test_clean_run_mount_network_chmod_link_and_heredocs_need_no_syntax_line():
    # Stable since frontend 1.2-1.4: every engine that builds with BuildKit by default has them built in.
    assert_clean(R, "FROM alpine:3.24\nRUN --mount=type=cache,target=/root/.cache go build .")
    assert_clean(R, "FROM alpine:3.24\nRUN --network=none --mount=type=secret,id=t cat /run/secrets/t")
    assert_clean(R, "FROM debian:trixie-slim\nRUN <<EOF\necho hi\nEOF")
    assert_clean(R, "FROM alpine:3.24\nCOPY --link --chmod=755 app /app")


def test_catches_exclude_as_info_naming_the_frontend_version():
    text = "FROM alpine:3.24\nCOPY --exclude=*.md . /src"
    assert_catches(R, text, count=1, line=2)
    hit = fired(R, text)[0]
    assert hit.severity == Severity.INFO and "1.19" in hit.message


def test_catches_add_checksum_unpack_and_copy_parents_once_on_the_first_use():
    text = """
        FROM alpine:3.24
        ADD --checksum=sha256:abc https://example.com/x.tar.gz /x
        ADD --unpack=true https://example.com/y.tar.gz /y
        COPY --parents ./a/b.txt /dst/
    """
    assert_catches(R, text, count=1, line=2)
    message = fired(R, text)[0].message
    assert "ADD --checksum" in message and "ADD --unpack" in message and "COPY --parents" in message


def test_labs_only_flag_is_a_warning_even_with_a_stable_syntax_line():
    assert fired(R, "FROM alpine:3.24\nRUN --device=vendor.com/gpu=0 true")[0].severity == Severity.WARNING
    text = "# syntax=docker/dockerfile:1\nFROM alpine:3.24\nRUN --device=vendor.com/gpu=0 true"
    assert_catches(R, text, line=3)
    assert fired(R, text)[0].severity == Severity.WARNING


def test_clean_labs_flag_under_a_labs_frontend():
    assert_clean(R, "# syntax=docker/dockerfile:1-labs\nFROM alpine:3.24\nRUN --device=vendor.com/gpu=0 true")


def test_catches_in_later_stage_and_through_onbuild():
    assert_catches(R, """
        FROM golang:1.27 AS build
        RUN go version
        FROM scratch
        COPY --exclude=*.go --from=build /src /src
    """, line=4)
    assert_catches(R, "FROM alpine:3.24\nONBUILD COPY --exclude=*.md . /src", line=2)


def test_catches_when_only_check_directive():
    assert_catches(R, "# check=error=true\nFROM alpine:3.24\nCOPY --exclude=x . /src")


def test_clean_with_syntax():
    assert_clean(R, "# syntax=docker/dockerfile:1\nFROM alpine:3.24\nCOPY --exclude=x . /src")
    assert_clean(R, "# syntax = docker/dockerfile:1.7-labs\n# escape=`\nFROM alpine:3.24\nCOPY --parents x /src")


def test_clean_old_flags():
    assert_clean(R, "FROM alpine:3.24\nCOPY --chown=1:1 --from=busybox:1.36 /bin/busybox /bin/\nRUN echo $((1 << 2))")


def test_clean_fragment():
    assert_clean(R, "COPY --exclude=*.md . /src")


def test_clean_misplaced_syntax_is_dg902s():
    assert_clean(R, "# Build\n# syntax=docker/dockerfile:1\nFROM alpine:3.24\nCOPY --exclude=x . /src")
