from spec import assert_catches, assert_clean

R = "DG406"
BOTH = "--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build"


def test_catches_no_mounts():
    assert_catches(R, "FROM golang:1.23\nRUN go build -o /app .\n", line=2)


def test_catches_wrong_path():
    assert_catches(R, "FROM golang:1.23-alpine\n"
                      "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/go-build "
                      "go build -o /app .\n")


def test_catches_default_paths_when_env_moves_them():
    assert_catches(R, f"FROM golang:1.23\nENV GOCACHE=/cache/go GOPATH=/gopath\nRUN {BOTH} go build -o /app .\n")


def test_catches_in_a_stage_built_from_a_golang_stage():
    assert_catches(R, f"FROM golang:1.23 AS base\nRUN {BOTH} go build -o /a .\nFROM base\nRUN go install ./cmd/b\n",
                   count=1, line=4)


def test_clean_with_both_mounts():
    assert_clean(R, f"FROM golang:1.23\nRUN {BOTH} \\\n    CGO_ENABLED=0 go build -o /app .\n")


def test_clean_with_env_overrides_respected():
    assert_clean(R, """
        ARG GO=1.23
        FROM golang:${GO} AS build
        ENV GOCACHE=/cache/go-build GOMODCACHE=/cache/mod
        RUN --mount=type=cache,target=/cache go build -o /app .
    """)


def test_clean_when_modules_are_in_a_layer_or_vendored():
    assert_clean(R, """
        FROM golang:1.23
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .
        RUN --mount=type=cache,target=/root/.cache/go-build go build -mod=vendor -o /app2 ./cmd/b
    """)


def test_clean_for_unknown_bases_and_non_root_builder():
    assert_clean(R, "FROM example.com/go:1\nRUN go build -o /app .\n")
    assert_clean(R, "FROM golang:1.23\nUSER 1000\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /tmp/app .\n")
