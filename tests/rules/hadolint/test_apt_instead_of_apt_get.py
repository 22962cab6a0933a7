from spec import assert_catches, assert_clean

RULE = "DG220"


def test_catches():
    assert_catches(RULE, "RUN apt install python")
    assert_catches(RULE, "RUN apt-get update && apt upgrade -y")
    assert_catches(RULE, "ONBUILD RUN apt install -y python3")


def test_clean():
    assert_clean(RULE, "RUN apt-get install -y python")
    assert_clean(RULE, "RUN apt-cache policy python3")
    assert_clean(RULE, "RUN echo apt install")
