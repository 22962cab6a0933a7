from spec import assert_catches, assert_clean

RULE = "DG119"


def test_catches():
    assert_catches(RULE, "FROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n", count=2, line=2)
    assert_catches(RULE, "EXPOSE 80/TcP")
    assert_catches(RULE, "EXPOSE 5000:5000/UDP")


def test_clean():
    assert_clean(RULE, "EXPOSE 80/tcp")
    assert_clean(RULE, "EXPOSE 80 443")
    assert_clean(RULE, "ARG PROTO=tcp\nEXPOSE 80/$PROTO\n")
