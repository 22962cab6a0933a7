from spec import assert_catches, assert_clean

RULE = "DG111"


def test_catches():
    assert_catches(RULE, "FROM scratch AS first\nCOPY $foo .\nFROM scratch AS second\nCOPY $bar .\n", count=2)
    assert_catches(RULE, "FROM alpine:3.20\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n", count=1, line=2)
    assert_catches(RULE, "FROM alpine:3.20\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET .\n")
    assert_catches(RULE, "FROM alpine:3.20\nENV PATH=$PAHT:/tmp/bin\n")
    assert_catches(RULE, "FROM alpine:3.20 AS base\nARG VERSION=$foo\n")
    assert_catches(RULE, "ARG VERSION=1.0\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=$VERSION\n")
    assert_catches(RULE, "FROM golang:1.23\nENV GOOS=${TARGETOS} GOARCH=${TARGETARCH}\n", count=2)
    assert_catches(RULE, "FROM alpine:3.20\nENV A=1 B=$A\n")  # ENV expands with the values before it


def test_clean():
    assert_clean(RULE, "FROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n")
    assert_clean(RULE, "FROM alpine:3.20 AS base\nARG foo=Dockerfile\nFROM base\nCOPY $foo .\n")
    assert_clean(RULE, "FROM alpine:3.20\nRUN echo $PATH\n")  # RUN is DG305's
    assert_clean(RULE, "FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n")
    assert_clean(RULE, "FROM golang:1.23\nWORKDIR $GOPATH/src/app\n")
    assert_clean(RULE, "FROM myorg/base:1.0\nWORKDIR $APP_HOME\n")  # unknown image: its ENV is unknown
    assert_clean(RULE, "FROM alpine:3.20\nARG A=1 B=$A\nENV C='$literal' D=\\$escaped\n")
    assert_clean(RULE, "FROM alpine:3.20\nCOPY <<EOF /etc/motd\n$HOSTNAME\nEOF\n")
