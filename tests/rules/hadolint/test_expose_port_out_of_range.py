from spec import assert_catches, assert_clean

RULE = "DG211"


def test_catches():
    assert_catches(RULE, "EXPOSE 80000")
    assert_catches(RULE, "EXPOSE 40000-80000/tcp")
    assert_catches(RULE, "EXPOSE 80 65536/udp")


def test_clean():
    assert_clean(RULE, "EXPOSE 60000")
    assert_clean(RULE, "EXPOSE ${PORT}")
    assert_clean(RULE, "EXPOSE 40000-${TOP}")
    assert_clean(RULE, "EXPOSE 8080/tcp 8443")
