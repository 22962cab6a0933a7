from spec import assert_catches, assert_clean

R = "DG404"


def test_catches_unquoted_value():
    assert_catches(R, "RUN go build -ldflags=-w -s -o app .")
    assert_catches(R, 'RUN go build -ldflags="-s -w" -X main.version=1 .')


def test_catches_linker_flag_without_its_value():
    assert_catches(R, "RUN go build -ldflags -X main.version=1 -o app .")


def test_catches_single_quotes_around_a_variable():
    assert_catches(R, "RUN go build -ldflags='-s -w -X main.version=${VERSION}' -o app .")


def test_catches_unquoted_variable_with_spaces():
    assert_catches(R, """
        FROM golang:1.23
        ARG LDFLAGS="-s -w"
        RUN go build -ldflags=$LDFLAGS -o /app .
    """)


def test_catches_variable_in_exec_form():
    assert_catches(R, """
        FROM golang:1.23
        ARG VERSION=1
        RUN ["go", "build", "-ldflags=-X main.version=${VERSION}", "-o", "/app", "."]
    """)


def test_catches_in_heredoc():
    assert_catches(R, """
        FROM golang:1.23
        RUN <<EOF
        go build -ldflags=-s -w -o /app .
        EOF
    """)


def test_clean_with_double_quotes():
    assert_clean(R, 'RUN go build -ldflags="-s -w -X main.version=${VERSION}" -o app .')
    assert_clean(R, 'RUN go build -ldflags "-s -w" -o app .')
    assert_clean(R, "RUN go build -ldflags '-s -w' -o app .")


def test_clean_with_inner_single_quotes_and_one_word_values():
    assert_clean(R, """RUN go build -ldflags="-X 'main.version=$VERSION'" -ldflags=-s -o app .""")


def test_clean_unquoted_variable_without_spaces_and_exec_form_without_variables():
    assert_clean(R, """
        FROM golang:1.23
        ARG LDFLAGS=-s
        RUN go build -ldflags=$LDFLAGS -o /app .
        RUN ["go", "build", "-ldflags=-s -w", "-o", "/app2", "."]
    """)
