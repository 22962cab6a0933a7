from spec import assert_catches, assert_clean

R = "DG904"


def test_catches_copy_dot_dot():
    assert_catches(R, "COPY . .", line=1)


def test_catches_add_and_json_and_flags():
    assert_catches(R, "ADD ./ /src/")
    assert_catches(R, 'COPY ["." , "/src"]'.replace(" , ", ", "))
    assert_catches(R, "COPY --chown=1000:1000 . /app")


def test_catches_in_builder_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY . .
        FROM scratch
        COPY --from=build /src/app /app
    """, line=3)


def test_clean_when_dockerignore_shown():
    assert_clean(R, "COPY . .", dockerignore=".git\n.env\n")
    assert_clean(R, "COPY . .", dockerignore="")


def test_clean_named_paths():
    assert_clean(R, "COPY go.mod go.sum ./\nCOPY cmd/ ./cmd/")


def test_clean_copy_from_stage():
    assert_clean(R, "FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b . /")


def test_clean_heredoc():
    assert_clean(R, "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nCOPY <<EOF .\nhello\nEOF")
