from spec import assert_catches, assert_clean, fired

RULE = "DG116"


def test_catches():
    assert_catches(RULE, "ARG VERSION\nFROM busybox:$VERSION\n", line=2)
    assert_catches(RULE, "ARG IMAGE\nFROM $IMAGE\n")
    assert_catches(RULE, 'ARG SFX="box:"\nFROM busy${SFX}\n')
    assert_catches(RULE, "ARG TAG\nFROM busybox:${TAG}\n")


def test_clean():
    assert_clean(RULE, 'ARG VERSION="latest"\nFROM busybox:${VERSION}\n')
    assert_clean(RULE, 'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n')
    assert_clean(RULE, "ARG VARIANT\nFROM busybox:stable${VARIANT}\n")
    assert_clean(RULE, "ARG TAG\nFROM alpine:${TAG:-3.14}\n")
    assert_clean(RULE, "FROM golang:1.23 AS build_amd64\nFROM build_${TARGETARCH} AS build\n")


def test_the_fix_fits_an_arg_that_has_a_default_already():
    # pants' docs: ARG BASE_IMAGE=:base (a Pants target address) has a default, just not an image name
    [hit] = fired(RULE, "ARG BASE_IMAGE=:base\nFROM $BASE_IMAGE\nRUN echo hi\n")
    assert "give the ARG a default that is a valid image name" in hit.message
    [hit] = fired(RULE, "ARG BASE\nFROM $BASE\nRUN echo hi\n")
    assert hit.message.endswith("give the ARG a default")


def test_an_undeclared_placeholder_is_told_to_be_declared_there_is_no_arg_to_give_a_default():
    # Chainguard's docs write cgr.dev/$ORGANIZATION/python: no ARG exists, so "give the ARG a default" misled
    (hit,) = fired(RULE, "FROM cgr.dev/$ORGANIZATION/python:latest-dev\nUSER 65532")
    assert hit.message.endswith("declare it with a default before the first FROM (ARG ORGANIZATION=...)")
    (declared,) = fired(RULE, "ARG ORGANIZATION\nFROM cgr.dev/$ORGANIZATION/python:latest-dev\nUSER 65532")
    assert declared.message.endswith(": give the ARG a default")
