"""DG105 duplicate-stage-name."""

from spec import assert_catches, assert_clean

R = "DG105"


def test_catches_same_name_twice():
    assert_catches(R, "FROM alpine:3.20 AS build\nFROM golang:1.23 AS build", count=1, line=2)


def test_catches_names_differing_only_in_case():
    assert_catches(R, "FROM alpine:3.20 AS Build\nFROM golang:1.23 AS build", line=2)


def test_catches_each_repeat_of_a_name():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        FROM base AS mid
        FROM mid AS base
        FROM base AS base
    """, count=2, line=3)


def test_catches_duplicate_after_a_stage_chain():
    assert_catches(R, """
        ARG BASE=alpine:3.20
        FROM $BASE AS base
        FROM base AS mid
        FROM mid AS final
        FROM scratch AS mid
    """, count=1, line=5)


def test_clean_distinct_names():
    assert_clean(R, "FROM golang:1.23 AS build\nFROM alpine:3.20 AS runtime")


def test_clean_unnamed_stages_repeat_the_same_image():
    assert_clean(R, "FROM alpine:3.20\nFROM alpine:3.20\nFROM alpine:3.20 AS alpine")


def test_clean_chain_that_reuses_a_name_as_base():
    assert_clean(R, """
        FROM alpine:3.20 AS base
        FROM base AS mid
        FROM mid
    """)


def test_clean_name_similar_but_not_equal():
    assert_clean(R, "FROM golang:1.23 AS build\nFROM golang:1.23 AS build-test\nFROM alpine:3.20 AS build2")


def test_clean_fragment():
    assert_clean(R, "RUN echo build")
