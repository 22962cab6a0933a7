from spec import assert_catches, assert_clean

RULE = "DG225"


def test_catches():
    assert_catches(RULE, "RUN wget my.xyz")
    assert_catches(RULE, "RUN wget -O /tmp/x https://example.com/x && tar xf /tmp/x")
    assert_catches(RULE, "ONBUILD RUN wget my.xyz")


def test_clean():
    assert_clean(RULE, "RUN wget --progress=dot:giga my.xyz")
    assert_clean(RULE, "RUN wget -q my.xyz")
    assert_clean(RULE, "RUN wget -qO- my.xyz")
    assert_clean(RULE, "RUN wget -nv my.xyz")
    assert_clean(RULE, "RUN wget -o /tmp/wget.log my.xyz")
