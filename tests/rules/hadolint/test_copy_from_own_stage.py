from spec import assert_catches, assert_clean

RULE = "DG219"


def test_catches():
    assert_catches(RULE, "FROM node:22 AS foo\nCOPY --from=foo bar /x", line=2)
    assert_catches(RULE, "FROM node:22 AS Foo\nCOPY --from=foo bar /x")
    assert_catches(RULE, "FROM node:22 AS foo\nONBUILD COPY --from=foo bar /x")


def test_clean():
    assert_clean(RULE, """
        FROM scratch AS build
        COPY foo /foo
        FROM node:22 AS run
        COPY --from=build /foo /foo
        """)
    assert_clean(RULE, "FROM node:22\nCOPY --from=node:22 /x /x")
    assert_clean(RULE, "COPY --from=foo /x /x")
