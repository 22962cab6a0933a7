from spec import assert_catches, assert_clean

RULE = "DG101"


def test_catches():
    assert_catches(RULE, "FROM alpine:3.20 AS BuilderBase", line=1)
    assert_catches(RULE, "FROM scratch AS BadStageName\nMAINTAINER me@example.org\n")
    assert_catches(RULE, "FROM golang:1.23 AS build\nFROM scratch AS Final\n", count=1, line=2)
    assert_catches(RULE, "from alpine:3.20 as Base")


def test_clean():
    assert_clean(RULE, "FROM alpine:3.20 AS builder-base")
    assert_clean(RULE, "FROM alpine:3.20")
    assert_clean(RULE, "FROM --platform=$BUILDPLATFORM golang:1.23 AS build_amd64")
    assert_clean(RULE, "ARG BASE=Alpine\nFROM ${BASE} AS base\n")
