from spec import assert_catches, assert_clean

RULE = "DG218"


def test_catches():
    assert_catches(RULE, "COPY foo bar baz")
    assert_catches(RULE, 'COPY foo bar "baz"')
    assert_catches(RULE, 'COPY ["go.mod", "go.sum", "/src"]')


def test_clean():
    assert_clean(RULE, "COPY foo bar")
    assert_clean(RULE, 'COPY foo bar "baz/"')
    assert_clean(RULE, "WORKDIR /src\nCOPY go.mod go.sum ./")
    assert_clean(RULE, "WORKDIR /src\nCOPY go.mod go.sum .")
