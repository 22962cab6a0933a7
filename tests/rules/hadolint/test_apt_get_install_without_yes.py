from spec import assert_catches, assert_clean

RULE = "DG214"


def test_catches():
    assert_catches(RULE, "RUN apt-get install python")
    assert_catches(RULE, "RUN apt-get install -q python")
    assert_catches(RULE, "RUN apt-get update && apt-get install --quiet python")
    assert_catches(RULE, "ONBUILD RUN apt-get install python")


def test_clean():
    assert_clean(RULE, "RUN apt-get install -yq python")
    assert_clean(RULE, "RUN apt-get --assume-yes install python")
    assert_clean(RULE, "RUN apt-get install -qq python")
    assert_clean(RULE, "RUN apt-get install -q -q python")
    assert_clean(RULE, "RUN apt-get install -q=2 python")
    assert_clean(RULE, "RUN apt-get update")
