from spec import assert_catches, assert_clean

R = "DG507"


def test_catches_debug_tags():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:debug\n", line=1)
    assert_catches(R, "FROM gcr.io/distroless/base-debian12:debug-nonroot\n")


def test_catches_through_arg_and_stage_chain():
    assert_catches(R, """
        ARG TAG=debug
        FROM gcr.io/distroless/static-debian12:${TAG} AS runtime
        FROM runtime
    """, line=3)


def test_catches_cc_debug():
    assert_catches(R, "FROM golang:1.23 AS build\nFROM gcr.io/distroless/cc-debian12:debug\n")


def test_clean_without_debug():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:nonroot\n")


def test_clean_when_debug_is_not_final():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:debug AS shell\nFROM gcr.io/distroless/static-debian12\n")


def test_clean_for_other_images_with_debug_in_the_tag():
    assert_clean(R, "FROM example.com/app:debug\n")
