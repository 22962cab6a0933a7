from spec import assert_catches, assert_clean

R = "DG505"


def test_catches_name_in_scratch():
    assert_catches(R, "FROM scratch\nUSER app\n", line=2)
    assert_catches(R, "FROM scratch\nUSER 1000:app\n")


def test_catches_unknown_name_in_distroless():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12\nUSER app\n")


def test_catches_passwd_copied_from_a_builder_that_never_created_the_user():
    assert_catches(R, """
        FROM golang:1.23 AS build
        FROM scratch
        COPY --from=build /etc/passwd /etc/passwd
        USER app
    """)


def test_catches_variable_and_stage_chain():
    assert_catches(R, "FROM scratch AS base\nFROM base\nARG RUNAS=app\nUSER ${RUNAS}\n", line=4)


def test_clean_numeric():
    assert_clean(R, "FROM scratch\nUSER 65532:65532\n")


def test_clean_distroless_names():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:nonroot\nUSER nonroot:nonroot\n")


def test_clean_when_passwd_comes_from_a_builder_that_created_the_user():
    assert_clean(R, """
        FROM alpine:3.20 AS users
        RUN addgroup -S app && adduser -S -G app app
        FROM scratch
        COPY --from=users /etc/passwd /etc/group /etc/
        USER app:app
    """)
    assert_clean(R, "FROM scratch\nCOPY passwd /etc/passwd\nCOPY group /etc/group\nUSER app:app\n")


def test_clean_for_bases_with_users_and_unknown_values():
    assert_clean(R, "FROM alpine:3.20\nUSER nobody\n")
    assert_clean(R, "FROM scratch\nARG RUNAS\nUSER $RUNAS\n")
