from spec import assert_catches, assert_clean

RULE = "DG208"


def test_catches():
    assert_catches(RULE, "RUN sudo apt-get update")
    assert_catches(RULE, "RUN apt-get update && sudo apt-get install")
    assert_catches(RULE, "ONBUILD RUN sudo make install")


def test_clean():
    assert_clean(RULE, "RUN apt-get install sudo")
    assert_clean(RULE, "RUN echo sudo")
    assert_clean(RULE, "USER root\nRUN make install")
