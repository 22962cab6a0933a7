from spec import assert_catches, assert_clean

RULE = "DG104"


def test_catches():
    assert_catches(RULE, "From scratch as base\nFROM scratch AS base2\n", count=1, line=1)
    assert_catches(RULE, "FROM scratch\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n", count=1, line=2)
    assert_catches(RULE, "from scratch\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n", count=1, line=2)
    assert_catches(RULE, "FROM scratch\ncopy a /a\ncopy b /b\ncopy c /c\n", count=1, line=1)
    assert_catches(RULE, "From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT [\"cat\", \"/greeting.txt\"]\n",
                   count=3)


def test_clean():
    assert_clean(RULE, "from alpine:3.20\nrun echo hello\nentrypoint [\"cat\"]\n")
    assert_clean(RULE, "FROM alpine:3.20\nRUN <<'EOT'\nenv\nEOT\n")
    assert_clean(RULE, "arg VERSION=1\nFROM alpine:3.20\nRUN true\n")  # ARGs before FROM are not counted
    assert_clean(RULE, "FROM alpine:3.20\nONBUILD RUN true\n")
