from spec import assert_catches, assert_clean

RULE = "DG227"


def test_catches():
    assert_catches(RULE, "RUN go install example.com/pkg")
    assert_catches(RULE, "RUN go install example.com/pkg@latest")
    assert_catches(RULE, "RUN go get -tool foobar")
    assert_catches(RULE, "RUN go run example.com/pkg@latest -flag")
    assert_catches(RULE, """
        FROM golang:1.23 AS tools
        RUN --mount=type=cache,target=/go/pkg/mod go install -ldflags="-s -w" golang.org/x/tools/cmd/stringer@latest
        """, line=2)


def test_clean():
    assert_clean(RULE, "RUN go install example.com/pkg@v1.2.3")
    assert_clean(RULE, "RUN go install ./app/foobar")
    assert_clean(RULE, "RUN go run example.com/pkg@v1.2.3 --foo bar")
    assert_clean(RULE, "RUN go run .")
    assert_clean(RULE, "RUN go build -o /out/app ./cmd/app")
    assert_clean(RULE, "RUN go install -tags netgo ./...")
