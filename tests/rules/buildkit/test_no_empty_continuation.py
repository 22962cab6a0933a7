from spec import assert_catches, assert_clean

RULE = "DG103"


def test_catches():
    assert_catches(RULE, "FROM alpine:3.20\nEXPOSE \\\n\n80\n", line=2)
    assert_catches(RULE, "FROM scratch\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n", count=1)
    assert_catches(RULE, "RUN apk add \\\n    curl \\\n   \n    git\n")
    assert_catches(RULE, "# escape=`\nFROM alpine:3.20\nRUN echo a `\n\n  b\n")


def test_clean():
    assert_clean(RULE, "FROM alpine:3.20\nEXPOSE \\\n# Port\n80\n")
    assert_clean(RULE, "RUN apk add \\\n    curl\n\nRUN true\n")
    assert_clean(RULE, "RUN <<EOF\necho a\n\necho b\nEOF\n")
    assert_clean(RULE, "FROM alpine:3.20\n\n\nRUN true\n")
