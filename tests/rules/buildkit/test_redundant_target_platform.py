from spec import assert_catches, assert_clean

RULE = "DG114"


def test_catches():
    assert_catches(RULE, "FROM --platform=$TARGETPLATFORM scratch", line=1)
    assert_catches(RULE, "FROM --platform=${TARGETPLATFORM} scratch")
    assert_catches(RULE, "FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\nRUN true\n")


def test_clean():
    assert_clean(RULE, "FROM alpine:3.20 AS builder")
    assert_clean(RULE, "FROM --platform=$BUILDPLATFORM golang:1.23 AS build")
    assert_clean(RULE, "FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20")
    assert_clean(RULE, "# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n")
