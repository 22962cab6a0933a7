"""DG805 is off by default: these specs run with it enabled."""

import textwrap

from snipcheck.checker import check_text
from snipcheck.config import Config
from snipcheck.registry import RuleSet
from snipcheck.snippets import FenceOptions

from spec import fired

R = "DG805"
ENABLED = RuleSet(Config(enable=(R,)))


def hits(text):
    text = textwrap.dedent(text).lstrip("\n")
    fragment = not any(line.strip().upper().startswith("FROM ") for line in text.splitlines())
    return [f for f in check_text(text, ENABLED, options=FenceOptions(fragment=fragment)).findings if f.rule == R]


def test_off_by_default():
    assert not fired(R, "FROM alpine:3.20")


def test_catches_tag_only():
    assert [f.snippet_line for f in hits("FROM alpine:3.20")] == [1]


def test_catches_each_external_base_and_copy_from_image():
    found = hits("""
        FROM golang:1.23 AS build
        FROM build AS test
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=busybox:1.36 /bin/busybox /busybox
    """)
    assert [f.snippet_line for f in found] == [1, 3, 4]


def test_catches_arg_resolved_tag():
    assert hits("ARG BASE=debian:bookworm-slim\nFROM ${BASE}")


def test_clean_digest_and_scratch():
    assert not hits("FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d\n"
                    "FROM scratch")


def test_clean_arg_resolved_digest_and_stage_refs():
    assert not hits("""
        ARG BASE=alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d
        FROM ${BASE} AS build
        FROM build
        COPY --from=build /a /a
        COPY --from=0 /b /b
    """)


def test_clean_unknown_after_expansion():
    assert not hits("ARG BASE\nFROM ${BASE}\nARG TAG\nFROM alpine:${TAG}")
