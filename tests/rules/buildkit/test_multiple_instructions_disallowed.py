from spec import assert_catches, assert_clean

RULE = "DG112"


def test_catches():
    text = 'FROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\n'
    assert_catches(RULE, text, count=2, line=2)
    assert_catches(RULE, "FROM debian:bookworm-slim\nCMD bash\nRUN foo\nCMD another\n")
    assert_catches(RULE, 'FROM scratch\nCMD ["/a"]\nCOPY <<EOF /a.txt\nHello\nEOF\nCMD ["/b"]\n')
    assert_catches(RULE, "CMD a\nCMD b\n")


def test_clean():
    assert_clean(RULE, 'FROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nFROM a AS b\n'
                       'ENTRYPOINT ["/other"]\nCMD ["/other"]\n')
    assert_clean(RULE, 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["serve"]\n')
    assert_clean(RULE, 'FROM alpine:3.20\nHEALTHCHECK CMD ["/a"]\nHEALTHCHECK CMD ["/b"]\n')  # DG212
    assert_clean(RULE, 'FROM alpine:3.20\nONBUILD CMD ["/a"]\nCMD ["/b"]\n')
