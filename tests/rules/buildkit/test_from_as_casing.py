from spec import assert_catches, assert_clean

RULE = "DG102"


def test_catches():
    assert_catches(RULE, "FROM debian:bookworm-slim as builder")
    assert_catches(RULE, "from debian:bookworm-slim AS builder")
    assert_catches(RULE, "FROM scratch AS a\nFROM scratch as base2\nFROM scratch AS base3\n", count=1, line=2)
    assert_catches(RULE, "FROM --platform=$BUILDPLATFORM golang:1.23 As build")


def test_clean():
    assert_clean(RULE, "FROM debian:bookworm-slim AS deb-builder")
    assert_clean(RULE, "from debian:bookworm-slim as deb-builder")
    assert_clean(RULE, "From debian:bookworm-slim as base")  # mixed-case FROM is DG104's business
    assert_clean(RULE, "FROM debian:bookworm-slim")
