from spec import assert_catches, assert_clean

RULE = "DG117"


def test_catches():
    assert_catches(RULE, "FROM --platform=linux/amd64 scratch", line=1)
    assert_catches(RULE, "FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN true\n")
    assert_catches(RULE, "FROM --platform=linux/arm64/v8 golang:1.23 AS build")


def test_clean():
    assert_clean(RULE, "FROM --platform=linux/amd64 scratch AS my_amd64_stage")
    assert_clean(RULE, "FROM --platform=linux/amd64 scratch AS linux")
    assert_clean(RULE, "FROM --platform=${BUILDPLATFORM} alpine:3.20 AS base")
    assert_clean(RULE, "FROM alpine:3.20 AS base")
    assert_clean(RULE, "FROM --platform=linux/arm64 alpine:3.20 AS build_arm64\nFROM build_${TARGETARCH} AS build\n")
