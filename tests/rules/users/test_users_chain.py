"""DG701 and DG702 across FROM <stage> chains, ARG-resolved bases and :nonroot images."""

from spec import assert_catches, assert_clean


def test_dg702_transitive_root_user():
    assert_catches("DG702", "FROM debian:bookworm-slim AS base\nUSER root\nRUN id\nFROM base\nRUN id", line=2)


def test_dg702_switch_back_in_parent_is_fine():
    assert_clean("DG702", "FROM debian:bookworm-slim AS base\nUSER root\nRUN id\nUSER 10001\nFROM base\nRUN id")


def test_dg702_root_in_unrelated_builder_is_fine():
    assert_clean("DG702", "FROM debian:bookworm-slim AS build\nUSER root\nFROM scratch\nUSER 10001")


def test_dg701_arg_resolved_nonroot_tag():
    assert_clean("DG701", "ARG TAG=nonroot\nFROM gcr.io/distroless/static-debian12:${TAG}\nCOPY app /app")


def test_dg701_arg_resolved_root_base():
    assert_catches("DG701", "ARG BASE=debian:bookworm-slim\nFROM ${BASE}\nCOPY app /app")


def test_dg701_nonroot_through_stage_chain():
    assert_clean("DG701", """
        FROM gcr.io/distroless/static-debian12:nonroot AS base
        FROM base AS mid
        FROM mid
        COPY app /app
    """)


def test_dg701_root_base_through_stage_chain():
    assert_catches("DG701", "FROM alpine:3.20 AS a\nFROM a AS b\nFROM b\nCOPY app /app", line=3)
