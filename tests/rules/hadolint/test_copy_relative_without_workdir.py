from spec import assert_catches, assert_clean

RULE = "DG223"


def test_catches():
    assert_catches(RULE, "COPY bla.sh blubb.sh")
    assert_catches(RULE, 'COPY go.mod go.sum "./"')
    assert_catches(RULE, """
        FROM debian:bookworm-slim AS stage1
        WORKDIR /usr
        FROM debian:bookworm-slim
        COPY foo bar
        """, line=4)
    assert_catches(RULE, "COPY a b")


def test_clean():
    assert_clean(RULE, "COPY bla.sh /usr/local/bin/blubb.sh")
    assert_clean(RULE, r"COPY bla.sh c:\system32\blubb.sh")
    assert_clean(RULE, "COPY src.sh ${SRC_BASE_ENV}")
    assert_clean(RULE, """
        FROM debian:bookworm-slim AS base1
        WORKDIR /usr
        FROM base1 AS base2
        RUN true
        FROM base2
        COPY foo bar
        """)
    assert_clean(RULE, "ONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar")
