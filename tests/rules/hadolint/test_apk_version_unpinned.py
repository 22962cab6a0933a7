from spec import assert_catches, assert_clean

RULE = "DG216"


def test_catches():
    assert_catches(RULE, "RUN apk add flex")
    assert_catches(RULE, "RUN apk add --no-cache flex=2.6.4-r1 libffi python2=2.7.13-r1")
    assert_catches(RULE, "ONBUILD RUN apk add --no-cache curl")
    assert_catches(RULE, "RUN apk add --no-cache --virtual .build gcc")


def test_clean():
    assert_clean(RULE, "RUN apk add --no-cache git~2.52")
    assert_clean(RULE, 'RUN apk add --no-cache "flex>=2.6.1-r1" "libbz2=~1.0.6-r4"')
    assert_clean(RULE, "RUN apk add --virtual build-dependencies python-dev=1.1.1 && apk del build-dependencies")
    assert_clean(RULE, "RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0")
    assert_clean(RULE, "RUN apk add mypackage-1.1.1.apk")
    assert_clean(RULE, "RUN apk del curl")
