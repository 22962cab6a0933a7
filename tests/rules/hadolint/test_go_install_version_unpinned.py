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


def test_the_hint_names_the_whole_package_path():
    from spec import fired

    # a module path with an `@` of its own (an SSH-style path seen in public docs): the version is after the last one
    hit = fired(RULE, "RUN go install git@github.com:/jaeles-project/gospider@latest")[0]
    assert "`git@github.com:/jaeles-project/gospider@<version>`" in hit.message
    assert "`example.com/pkg@<version>`" in fired(RULE, "RUN go get example.com/pkg")[0].message
