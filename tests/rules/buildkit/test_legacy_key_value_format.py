from spec import assert_catches, assert_clean

RULE = "DG113"


def test_catches():
    assert_catches(RULE, "FROM scratch\nENV testkey value\nLABEL key value\n", count=2)
    assert_catches(RULE, "ENV DEPS \\\n    curl \\\n    git \\\n    make\n")
    assert_catches(RULE, "FROM alpine:3.20\nARG foo bar\n")
    assert_catches(RULE, "ARG VERSION 1.2.3")
    assert_catches(RULE, 'LABEL "com.example.vendor" ACME')


def test_clean():
    assert_clean(RULE, "FROM scratch\nENV testkey=value\nLABEL key=value\n")
    assert_clean(RULE, 'ENV DEPS="\\\n    curl \\\n    git"\n')
    assert_clean(RULE, "FROM alpine:3.20\nARG foo=bar\n")
    assert_clean(RULE, "FROM golang:1.23\nARG TARGETOS TARGETARCH\n")
    assert_clean(RULE, "ARG VERSION COMMIT\nRUN echo $VERSION $COMMIT\n")
    assert_clean(RULE, "FROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n")
