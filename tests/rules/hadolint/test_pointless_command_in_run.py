from spec import assert_catches, assert_clean

RULE = "DG206"


def test_catches():
    assert_catches(RULE, "RUN top")
    assert_catches(RULE, "RUN service nginx start")
    assert_catches(RULE, "RUN apt-get update && ps aux", line=1)
    assert_catches(RULE, "ONBUILD RUN shutdown -h now")


def test_clean():
    assert_clean(RULE, "RUN apt-get install -y ssh")
    assert_clean(RULE, "RUN echo ps top vim")
    assert_clean(RULE, "CMD [\"top\"]")
