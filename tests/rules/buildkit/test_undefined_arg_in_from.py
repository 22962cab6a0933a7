from spec import assert_catches, assert_clean

RULE = "DG109"


def test_catches():
    assert_catches(RULE, "FROM --platform=$BULIDPLATFORM scratch\n", line=1)
    assert_catches(RULE, "ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n", line=3)
    assert_catches(RULE, "ARG tag=latest\nFROM busybox:${tag}${version} AS b\n", count=1)
    assert_catches(RULE, "FROM node:22${VARIANT} AS jsbuilder")
    assert_catches(RULE, "FROM alpine:3.20 AS a\nARG VERSION=3.20\nFROM alpine:${VERSION}\n")  # ARG after FROM


def test_clean():
    assert_clean(RULE, "ARG base=scratch\nFROM $base\n")
    assert_clean(RULE, "FROM --platform=$BUILDPLATFORM golang:1.23 AS build")
    assert_clean(RULE, "ARG DEBUG\nFROM scratch${DEBUG}\n")
    assert_clean(RULE, "ARG DEBUG\nFROM scra${DEBUG:-tch}\n")
    assert_clean(RULE, 'ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\n')
    assert_clean(RULE, "FROM golang:1.23 AS build\nFROM build_${TARGETARCH}\n")
