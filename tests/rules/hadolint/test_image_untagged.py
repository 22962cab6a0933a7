"""DG202 image-untagged."""

from spec import assert_catches, assert_clean, fired

R = "DG202"


def test_catches_untagged():
    assert_catches(R, "FROM debian", count=1, line=1)


def test_catches_untagged_named_stage_with_registry():
    assert_catches(R, "FROM docker.io/library/golang AS build\nFROM alpine:3.20", count=1, line=1)


def test_catches_registry_port_is_not_a_tag():
    assert_catches(R, "FROM localhost:5000/team/app")


def test_catches_untagged_distroless():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12")


def test_catches_untagged_image_after_a_stage_chain():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        FROM base AS mid
        FROM mid AS final
        FROM node
    """, count=1, line=4)


def test_clean_tagged_and_digest():
    assert_clean(R, "FROM ruby:2\nFROM ruby@sha256:f1dbca0f5dbc9\nFROM localhost:5000/app:1.2")


def test_clean_scratch():
    assert_clean(R, "FROM scratch")


def test_clean_stage_names_several_deep():
    assert_clean(R, """
        FROM alpine:3.20 AS base
        FROM base AS mid
        FROM MID AS last
        FROM last
    """)


def test_clean_variable_references():
    assert_clean(R, "ARG BASE=alpine:3.20\nFROM $BASE\nARG IMAGE\nFROM ${IMAGE}")


def test_clean_latest_is_dg201s_business():
    assert_clean(R, "FROM alpine:latest")


def test_an_untagged_chainguard_free_image_is_told_to_pin_a_digest_not_a_version():
    (hit,) = fired(R, "FROM cgr.dev/chainguard/nginx\nUSER 65532")
    assert "pin it by digest (cgr.dev/chainguard/nginx:latest@sha256:...;" in hit.message
    assert "<tag>" not in hit.message
    (other,) = fired(R, "FROM nginx\nUSER 101")
    assert "nginx:<tag>" in other.message
