from spec import assert_catches, assert_clean

RULE = "DG120"


def test_catches():
    assert_catches(RULE, "FROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n", count=3, line=2)
    assert_catches(RULE, "EXPOSE 80:80")
    assert_catches(RULE, "EXPOSE 127.0.0.1:80:80")


def test_clean():
    assert_clean(RULE, "EXPOSE 80")
    assert_clean(RULE, "EXPOSE 80/tcp 53/udp 8000-8010")
    assert_clean(RULE, "ARG PORT=8080\nEXPOSE $PORT\n")
