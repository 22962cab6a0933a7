"""DG110 workdir-relative-path."""

from spec import assert_catches, assert_clean

R = "DG110"


def test_catches_relative_workdir():
    assert_catches(R, "FROM golang:1.23\nWORKDIR src/app", count=1, line=2)


def test_catches_quoted_and_dot_relative():
    assert_catches(R, 'FROM alpine:3.20\nWORKDIR "app"\nWORKDIR ./data', count=2)


def test_catches_in_a_fragment():
    assert_catches(R, "WORKDIR app")


def test_catches_when_absolute_one_was_in_an_unrelated_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        FROM alpine:3.20
        WORKDIR app
    """, line=4)


def test_catches_relative_before_the_absolute_one():
    assert_catches(R, "FROM alpine:3.20\nWORKDIR app\nWORKDIR /srv", count=1, line=2)


def test_clean_absolute():
    assert_clean(R, "FROM alpine:3.20\nWORKDIR /src/app")


def test_clean_relative_after_absolute():
    assert_clean(R, "FROM alpine:3.20\nWORKDIR /src\nWORKDIR app")


def test_clean_variable_and_windows_paths():
    assert_clean(R, "ARG DIR=/src\nFROM alpine:3.20\nARG DIR\nWORKDIR $DIR\nWORKDIR ${HOME}/app\nWORKDIR C:\\app")


def test_clean_absolute_workdir_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM golang:1.23 AS base
        WORKDIR /src
        FROM base AS mid
        RUN true
        FROM mid
        WORKDIR cmd/app
    """)
