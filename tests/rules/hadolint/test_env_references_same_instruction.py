from spec import assert_catches, assert_clean

RULE = "DG222"


def test_catches():
    assert_catches(RULE, 'ENV BLA="blubb" BLUBB="${BLA}/blubb"')
    assert_catches(RULE, 'ENV BLA="blubb" BLUBB="$BLA"')
    assert_catches(RULE, 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"')
    assert_catches(RULE, "ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}")
    assert_catches(RULE, "ENV HOME_DIR=/srv CONF=${HOME_DIR:-/etc}/app")


def test_clean():
    assert_clean(RULE, 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"')
    assert_clean(RULE, 'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"')
    assert_clean(RULE, "ARG BLA\nENV BLA=${BLA} OTHER=$BLA")
    assert_clean(RULE, "ENV PATH=/bla:${PATH}")
