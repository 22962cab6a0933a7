from spec import assert_catches, assert_clean

RULE = "DG106"


def test_catches():
    assert_catches(RULE, "FROM scratch AS scratch\nFROM scratch AS context\n", count=2)
    assert_catches(RULE, "FROM alpine:3.20 AS context")
    assert_catches(RULE, "FROM alpine:3.20 AS Scratch")


def test_clean():
    assert_clean(RULE, "FROM scratch\nFROM scratch AS a\n")
    assert_clean(RULE, "FROM alpine:3.20 AS builder")
    assert_clean(RULE, "FROM alpine:3.20 AS build-context")
