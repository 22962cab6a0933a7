from spec import assert_catches, assert_clean, fired

R = "DG703"


def test_catches_user_name():
    assert_catches(R, "FROM debian:bookworm-slim\nUSER app", line=2)


def test_catches_nonroot_name_on_distroless_nonroot():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:nonroot\nUSER nonroot:nonroot")


def test_catches_name_inherited_through_stage_chain():
    assert_catches(R, "FROM node:20-slim AS base\nUSER node\nFROM base AS app\nFROM app\nCMD [\"node\"]", line=2)


def test_message_names_the_uid_adduser_gave():
    hits = fired(R, "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app")
    assert hits and "USER 10001" in hits[0].message


def test_clean_numeric():
    assert_clean(R, "FROM debian:bookworm-slim\nUSER 65534:65534")


def test_clean_no_user_and_root():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app")
    assert_clean(R, "FROM debian:bookworm-slim\nUSER root")


def test_clean_scratch_is_left_to_scratch_rules():
    assert_clean(R, "FROM scratch\nUSER nobody")


def test_clean_name_only_in_builder():
    assert_clean(R, "FROM debian:bookworm-slim AS build\nUSER app\nFROM debian:bookworm-slim\nUSER 10001")


def test_clean_variable():
    assert_clean(R, "FROM debian:bookworm-slim\nARG UID=10001\nUSER ${UID}")


def test_fragments_are_judged_by_their_last_user():
    assert_catches("DG703", "USER foobar:barfoo", line=1)
    assert_clean("DG703", "USER 1234:5678")
    assert_clean("DG703", "USER ${APP_UID}")
