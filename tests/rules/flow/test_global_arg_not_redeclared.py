from spec import assert_catches, assert_clean

R = "DG304"


def test_catches_global_arg_in_run():
    assert_catches(R, """
        ARG VERSION=1.0
        FROM golang:1.23
        RUN go build -ldflags="-X main.version=${VERSION}" -o /app .
    """, line=3)


def test_catches_in_a_later_stage_of_a_chain():
    assert_catches(R, """
        ARG VERSION=1.0
        FROM alpine:3.20 AS base
        ARG VERSION
        FROM base AS build
        RUN echo $VERSION > /version
    """, line=5)


def test_catches_when_declared_only_after_use():
    assert_catches(R, """
        ARG TAG=dev
        FROM alpine:3.20
        RUN echo $TAG
        ARG TAG
    """, count=1)


def test_catches_in_heredoc_and_onbuild():
    assert_catches(R, """
        ARG NAME=app
        FROM alpine:3.20
        RUN <<EOF
        echo "$NAME"
        EOF
        ONBUILD RUN echo $NAME
    """, count=2)


def test_catches_ldflags_on_unknown_base():
    assert_catches(R, """
        ARG VERSION=1.0
        FROM example.com/go-builder:1
        RUN go build -ldflags "-X main.version=$VERSION" .
    """)


def test_clean_when_declared_again():
    assert_clean(R, """
        ARG VERSION=1.0
        FROM golang:1.23
        ARG VERSION
        RUN go build -ldflags="-X main.version=${VERSION}" -o /app .
    """)


def test_clean_in_from_line_only():
    assert_clean(R, """
        ARG GO_VERSION=1.23
        FROM golang:${GO_VERSION}-alpine
        RUN go version
    """)


def test_clean_when_env_or_script_sets_it():
    assert_clean(R, """
        ARG MODE=release
        FROM alpine:3.20 AS base
        ENV MODE=debug
        FROM base
        RUN echo $MODE && for TAG in a b; do echo $TAG; done
    """)


def test_clean_for_unknown_base_outside_ldflags_and_exec_form():
    assert_clean(R, """
        ARG NODE_VERSION=20
        FROM node:${NODE_VERSION}
        RUN echo $NODE_VERSION
        RUN ["echo", "$NODE_VERSION"]
    """)


def test_dg305_leaves_global_args_to_this_rule():
    from spec import fired
    text = "ARG VERSION=1\nFROM alpine:3.20\nRUN echo $VERSION\n"
    assert fired(R, text) and not fired("DG305", text)


def test_single_quoted_and_commented_names_are_not_expansions():
    assert_clean("DG304", """
        ARG VERSION=1.0
        FROM golang:1.23 AS build
        RUN echo '$VERSION' # $VERSION is only a word here
        USER 65534:65534
    """)
