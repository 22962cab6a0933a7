"""DG201 image-latest-tag."""

from spec import assert_catches, assert_clean, fired

R = "DG201"


def test_catches_latest():
    assert_catches(R, "FROM alpine:latest", count=1, line=1)


def test_catches_latest_named_stage_and_registry_with_port():
    assert_catches(R, "FROM golang:latest AS build\nFROM registry.local:5000/team/app:latest", count=2)


def test_catches_latest_from_an_arg_default():
    assert_catches(R, "ARG BASE=alpine:latest\nFROM $BASE", line=2)


def test_catches_latest_tag_from_an_arg():
    assert_catches(R, "ARG TAG=latest\nFROM alpine:${TAG}")


def test_catches_only_the_real_image_in_a_stage_chain():
    assert_catches(R, """
        FROM debian:latest AS base
        FROM base AS mid
        FROM mid
    """, count=1, line=1)


def test_clean_version_tag():
    assert_clean(R, "FROM alpine:3.20\nFROM golang:1.23-alpine AS build")


def test_clean_pinned_by_digest():
    assert_clean(R, "FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb")


def test_clean_untagged_is_dg202s_business():
    assert_clean(R, "FROM alpine\nFROM scratch")


def test_clean_arg_default_with_a_version():
    assert_clean(R, "ARG BASE=alpine:3.20\nFROM $BASE AS base\nFROM base")


def test_clean_tag_that_only_contains_latest():
    assert_clean(R, "FROM myorg/latest:1.0\nFROM registry.local:5000/latest")


def test_chainguard_free_images_have_no_version_to_pin_the_advice_is_a_digest():
    # cgr.dev/chainguard/* is published as latest and latest-dev only: "pin a version" cannot be done
    for ref in ("cgr.dev/chainguard/go:latest", "cgr.dev/chainguard/go:latest-dev", "cgr.dev/Chainguard/static:latest"):
        (hit,) = fired(R, f"FROM {ref}\nUSER 65532")
        assert f"pin it by digest ({ref}@sha256:...)" in hit.message and "latest-dev only" in hit.message
    assert_clean(R, "FROM cgr.dev/chainguard/go:latest-dev@sha256:" + "a" * 64)
    assert_clean(R, "FROM cgr.dev/acme.com/go:1.27-dev")  # a paid organisation's versioned tag
    assert_clean(R, "FROM example.com/tools:latest-dev")  # latest-dev counts only where it is all there is
    (other,) = fired(R, "FROM example.com/tools:latest")
    assert other.message.endswith("pin a version")
