"""DG305 undefined-variable-in-run."""

from spec import assert_catches, assert_clean

R = "DG305"


def test_catches_undeclared_variable():
    assert_catches(R, "FROM alpine:3.20\nRUN echo $VERSION > /version", count=1, line=2)


def test_catches_inside_double_quotes_and_ldflags():
    assert_catches(R, """
        FROM golang:1.23
        RUN go build -ldflags="-X main.version=${VERSION} -X 'main.commit=${COMMIT}'" -o /app .
    """, count=2)


def test_catches_in_a_heredoc_body():
    assert_catches(R, """
        FROM alpine:3.20
        RUN <<EOF
        set -e
        echo "it's ${VERSION}" > /version
        EOF
    """, line=2)


def test_catches_through_onbuild():
    assert_catches(R, "FROM alpine:3.20\nONBUILD RUN echo $VERSION", line=2)


def test_catches_arg_of_a_parent_stage_does_not_carry_over():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        ARG VERSION=1.0
        FROM base AS mid
        FROM mid
        RUN echo $VERSION
    """, line=5)


def test_catches_ldflags_variable_on_an_unknown_base():
    assert_catches(R, 'FROM registry.local/go-builder:1\nRUN go build -ldflags "-X main.v=$VERSION" .')


def test_catches_use_before_the_arg_line():
    assert_catches(R, "FROM alpine:3.20\nRUN echo $VERSION\nARG VERSION", count=1, line=2)


def test_clean_declared_by_arg_or_env():
    assert_clean(R, "FROM alpine:3.20\nARG VERSION\nENV APP_HOME=/srv\nRUN echo $VERSION $APP_HOME")


def test_clean_env_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM alpine:3.20 AS base
        ENV APP_HOME=/srv
        FROM base AS mid
        FROM mid
        RUN echo $APP_HOME
    """)


def test_clean_global_arg_not_redeclared_is_left_to_dg304():
    text = "ARG VERSION=1.0\nFROM alpine:3.20\nRUN echo $VERSION"
    assert_clean(R, text)
    assert_catches("DG304", text, line=3)


def test_clean_global_arg_redeclared():
    assert_clean(R, "ARG BASE=alpine:3.20\nARG VERSION=1.0\nFROM $BASE\nARG VERSION\nRUN echo $VERSION")


def test_clean_set_by_the_script_or_defaulted():
    assert_clean(R, """
        FROM alpine:3.20
        RUN V=1 && export W=2 && for f in a b; do echo $V $W $f ${X:-none}; done && read -r L && echo $L
    """)


def test_clean_well_known_and_proxy_variables():
    assert_clean(R, "FROM golang:1.23\nRUN echo $HOME $PATH $GOPATH $http_proxy")


def test_clean_single_quoted_and_escaped():
    assert_clean(R, "FROM alpine:3.20\nRUN awk '{print $NF}' /etc/os-release && echo '$HOME2' \\$LITERAL")


def test_clean_comment():
    assert_clean(R, "FROM alpine:3.20\nRUN true # set $VERSION later")


def test_clean_unknown_base_may_set_env():
    assert_clean(R, "FROM registry.local/base:1\nRUN echo $APP_HOME")


def test_clean_exec_form_and_fragment():
    assert_clean(R, 'FROM alpine:3.20\nRUN ["echo", "$VERSION"]')
    assert_clean(R, "RUN echo $VERSION")
