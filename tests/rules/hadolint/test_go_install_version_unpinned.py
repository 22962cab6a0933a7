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


def test_clean_for_a_package_path_of_the_copied_sources():
    # tilt.build's Go post: GOPATH mode (golang:1.10), the sources ADDed under /go/src: `pkg@version`
    # does not exist before Go 1.16; in module mode the copied go.mod pins what the path needs
    assert_clean(RULE, "FROM golang:1.10\nWORKDIR /go/src/github.com/acme/app\nADD . .\n"
                    "RUN go install github.com/acme/app/cmd/example\nENTRYPOINT [\"/go/bin/example\"]\n")
    assert_clean(RULE, "FROM golang:1.27 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\n"
                    "RUN go install golang.org/x/tools/cmd/stringer\n")
    assert_clean(RULE, "FROM golang:1.27\nWORKDIR /src\n"
                    "RUN --mount=target=. go install github.com/acme/app/cmd/example\n")
    assert_clean(RULE, "FROM golang:1.27 AS src\nCOPY . /src\nFROM src AS build\nWORKDIR /src\n"
                    "RUN go install github.com/acme/app/cmd/example\n")  # copied in the stage it is built FROM


def test_catches_what_the_copied_sources_do_not_pin():
    # `@latest` and `go get` without a version take the newest release whatever go.mod says
    copied = "FROM golang:1.27\nWORKDIR /src\nCOPY . .\n"
    assert_catches(RULE, copied + "RUN go install github.com/go-delve/delve/cmd/dlv@latest\n", line=4)
    assert_catches(RULE, copied + "RUN go get github.com/acme/lib\n", line=4)
    # a download is not sources, nor is a copy after the RUN
    assert_catches(RULE, "FROM golang:1.27\nADD https://example.com/x.tgz /x.tgz\nRUN go install example.com/pkg\n", line=3)
    assert_catches(RULE, "FROM golang:1.27\nRUN go install example.com/pkg\nCOPY . .\n", line=2)
