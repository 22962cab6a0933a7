from spec import assert_catches, assert_clean

RULE = "DG224"


def test_catches():
    assert_catches(RULE, "RUN useradd -u 123456 luser")
    assert_catches(RULE, "RUN groupadd -g 1000001 app && useradd --uid 1000001 -g app app")
    assert_catches(RULE, "ONBUILD RUN useradd -u 100000 luser")


def test_clean():
    assert_clean(RULE, "RUN useradd luser")
    assert_clean(RULE, "RUN useradd -u 12345 luser")
    assert_clean(RULE, "RUN useradd -l -u 123456 luser")
    assert_clean(RULE, "RUN useradd --no-log-init -u 123456 luser")
