from spec import assert_catches, assert_clean

RULE = "DG209"


def test_catches():
    assert_catches(RULE, "RUN apt-get update && apt-get install python")
    assert_catches(RULE, "RUN apt-get install -y curl=7.88.1 git")
    assert_catches(RULE, "ONBUILD RUN apt-get install -y curl")
    assert_catches(RULE, "RUN apt-get install -y -t bookworm-backports golang")


def test_clean():
    assert_clean(RULE, "RUN apt-get install -y python=1.2.2")
    assert_clean(RULE, "RUN apt-get install ./wkhtmltox_0.12.5-1.bionic_amd64.deb")
    assert_clean(RULE, "RUN apt-get install -y --no-install-recommends -t jessie-backports openjdk-8-jdk=8u131")
    assert_clean(RULE, "RUN apt-get install -y $PACKAGES")
    assert_clean(RULE, "RUN apt-get update")
