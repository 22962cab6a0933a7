from spec import assert_catches, assert_clean

RULE = "DG212"


def test_catches():
    assert_catches(RULE, "HEALTHCHECK CMD [\"/a\"]\nHEALTHCHECK CMD [\"/b\"]", line=2)
    assert_catches(RULE, """
        FROM scratch
        HEALTHCHECK CMD ["/bla1"]
        HEALTHCHECK NONE
        """)
    assert_catches(RULE, "HEALTHCHECK CMD [\"/a\"]\nHEALTHCHECK CMD [\"/b\"]\nHEALTHCHECK CMD [\"/c\"]", count=2)


def test_clean():
    assert_clean(RULE, "FROM scratch")
    assert_clean(RULE, "HEALTHCHECK CMD [\"/a\"]")
    assert_clean(RULE, """
        FROM scratch AS one
        HEALTHCHECK CMD ["/bla1"]
        FROM scratch
        HEALTHCHECK CMD ["/bla2"]
        """)
