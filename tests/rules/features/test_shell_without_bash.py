from spec import assert_catches, assert_clean

R = "DG905"
BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'


def test_catches_alpine():
    assert_catches(R, f"FROM alpine:3.20\n{BASH}", line=2)


def test_catches_busybox_distroless_and_golang_alpine():
    assert_catches(R, f"FROM busybox:1.36\n{BASH}")
    assert_catches(R, 'FROM gcr.io/distroless/static-debian12:debug\nSHELL ["bash", "-c"]')
    assert_catches(R, f"FROM golang:1.23-alpine AS build\n{BASH}")


def test_catches_arg_resolved_and_stage_chain():
    assert_catches(R, f"ARG BASE=alpine:3.20\nFROM ${{BASE}}\n{BASH}")
    assert_catches(R, f"FROM alpine:3.20 AS a\nFROM a AS b\nFROM b\n{BASH}", line=4)


def test_catches_bash_installed_only_after_shell():
    assert_catches(R, f"FROM alpine:3.20\n{BASH}\nRUN apk add --no-cache bash")


def test_clean_debian():
    assert_clean(R, f"FROM debian:bookworm-slim\n{BASH}")


def test_clean_bash_installed_first():
    assert_clean(R, f"FROM alpine:3.20\nRUN apk add --no-cache bash=5.2.26-r0\n{BASH}")


def test_clean_bash_installed_in_parent_stage():
    assert_clean(R, f"FROM alpine:3.20 AS base\nRUN apk add --no-cache bash\nFROM base AS mid\nFROM mid\n{BASH}")


def test_clean_ash_and_unknown_base():
    assert_clean(R, 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]')
    assert_clean(R, f"ARG BASE\nFROM ${{BASE}}\n{BASH}")
    assert_clean(R, f"FROM myorg/tools:1.0\n{BASH}")
