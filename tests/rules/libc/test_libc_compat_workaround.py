from spec import assert_catches, assert_clean

R = "DG603"


def test_catches_libc6_compat():
    assert_catches(R, "RUN apk add --no-cache libc6-compat")


def test_catches_gcompat_among_others():
    assert_catches(R, "RUN apk update && apk add ca-certificates gcompat tzdata", count=1)


def test_catches_in_a_stage():
    assert_catches(R, """
        FROM alpine:3.20
        RUN --mount=type=cache,target=/var/cache/apk apk add libc6-compat gcompat
    """, count=2)


def test_clean_other_packages():
    assert_clean(R, "RUN apk add --no-cache ca-certificates tzdata")


def test_clean_removal_and_search():
    assert_clean(R, "RUN apk del libc6-compat && apk search gcompat")


def test_clean_in_comments_and_echo():
    assert_clean(R, "# no libc6-compat needed\nRUN echo gcompat")
