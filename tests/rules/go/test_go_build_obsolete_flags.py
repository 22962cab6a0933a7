from spec import assert_catches, assert_clean

R = "DG402"


def test_catches_a_and_installsuffix():
    assert_catches(R, "RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo -o app .", count=2)


def test_catches_equals_forms_and_go_install():
    assert_catches(R, "RUN go install -installsuffix=cgo ./cmd/...", count=1)
    assert_catches(R, "RUN go build --a -o app .", count=1)


def test_catches_in_heredoc_and_exec_form():
    assert_catches(R, """
        FROM golang:1.23
        RUN <<EOF
        set -e
        go build -a -o /app .
        EOF
        RUN ["go", "build", "-a", "-o", "/app2", "."]
    """, count=2)


def test_clean_without_the_flags():
    assert_clean(R, 'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o app .')


def test_clean_when_a_is_inside_ldflags_or_another_tool():
    assert_clean(R, 'RUN go build -ldflags="-s -w -a" -o app . && tar -a -cf app.tgz app')


def test_clean_for_go_test_and_package_named_a():
    assert_clean(R, "RUN go test -a ./... && go build -o app ./a")
