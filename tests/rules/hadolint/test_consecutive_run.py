from spec import assert_catches, assert_clean

RULE = "DG226"


def test_catches():
    assert_catches(RULE, "RUN /foo.sh\nRUN /bar.sh", line=2)
    assert_catches(RULE, "RUN /foo.sh\n# a comment\nRUN /bar.sh")
    assert_catches(RULE, "RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh")
    assert_catches(RULE, "RUN foo && bar\nRUN foo\nRUN bar", line=3)


def test_clean():
    assert_clean(RULE, "RUN /foo.sh\nWORKDIR /\nRUN /bar.sh")
    assert_clean(RULE, "RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh")
    assert_clean(RULE, "RUN foo && bar\nRUN foobar")
    assert_clean(RULE, "RUN foobar\nRUN foo; bar")
    assert_clean(RULE, "RUN a | b\nRUN c")
    assert_clean(RULE, "RUN a\nONBUILD RUN b")
