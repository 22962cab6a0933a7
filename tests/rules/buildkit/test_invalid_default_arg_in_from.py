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
