from spec import assert_catches, assert_clean

R = "DG615"
END = '\nCMD ["/app"]'


def test_catches_npm_ci():
    assert_catches(R, "FROM node:20-slim\nRUN npm ci --omit=dev" + END, line=2)


def test_catches_go_build_cache_in_final_stage_on_alpine_with_go_package():
    assert_catches(R, "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/go/pkg/mod go build -o /app ." + END)


def test_catches_go_module_cache_with_gopath_from_env():
    assert_catches(R, "FROM alpine:3.20\nENV GOPATH=/go\nRUN --mount=type=cache,target=/root/go/pkg/mod "
                      "go mod download" + END)


def test_clean_go_in_golang_stage_is_dg406s():
    assert_clean(R, "FROM golang:1.23\nRUN go build -o /app ." + END)


def test_catches_in_parent_stage_of_final():
    assert_catches(R, """
        FROM node:20-slim AS deps
        RUN npm ci
        FROM deps AS app
        COPY . /app
        FROM app
        CMD ["node", "/app/server.js"]
    """, line=2)


def test_catches_yarn_and_clean_with_yarn_cache_clean():
    assert_catches(R, "FROM node:20-slim\nRUN yarn install --frozen-lockfile" + END)
    assert_clean(R, "FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean" + END)


def test_catches_uv_poetry_cargo():
    assert_catches(R, "FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt" + END)
    assert_catches(R, "FROM python:3.12-slim\nRUN poetry install --only main" + END)
    assert_catches(R, "FROM rust:1.80\nRUN cargo install ripgrep" + END)


def test_catches_apt_debs_once_docker_clean_is_gone():
    assert_catches(R, """
        FROM debian:bookworm-slim
        RUN rm -f /etc/apt/apt.conf.d/docker-clean
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        CMD ["/app"]
    """, line=3)


def test_clean_cache_mounts():
    assert_clean(R, "FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci" + END)
    assert_clean(R, """
        FROM alpine:3.20
        ENV GOPATH=/go
        RUN --mount=type=cache,target=/go/pkg/mod \\
            --mount=type=cache,target=/root/.cache/go-build \\
            go build -o /app .
        CMD ["/app"]
    """)


def test_clean_cleaned_in_same_run_or_no_cache_flag():
    assert_clean(R, "FROM node:20-slim\nRUN npm ci && npm cache clean --force" + END)
    assert_clean(R, "FROM python:3.12-slim\nRUN uv pip install --no-cache --system flask" + END)
    assert_clean(R, "FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv sync" + END)
    assert_clean(R, "FROM alpine:3.20\nRUN go build -o /app . && go clean -cache -modcache" + END)
    assert_clean(R, "FROM rust:1.80\nRUN cargo install ripgrep && rm -rf /usr/local/cargo/registry" + END)


def test_clean_tmpfs_mount_on_moved_cache():
    assert_clean(R, "FROM node:20-slim\nENV npm_config_cache=/tmp/npm\nRUN --mount=type=tmpfs,target=/tmp npm ci"
                 + END)


def test_clean_builder_stage():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN go build -o /app .
        FROM node:20-slim AS web
        RUN npm ci
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /app /app
        COPY --from=web /dist /dist
        ENTRYPOINT ["/app"]
    """)


def test_clean_apt_with_docker_clean_in_place():
    assert_clean(R, "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl" + END)


def test_clean_what_dl3009_dl3042_dg203_cover():
    assert_clean(R, "FROM python:3.12-slim\nRUN pip install flask\nRUN apk add curl" + END)


def test_clean_builder_excerpt():
    assert_clean(R, "FROM golang:1.23 AS build\nRUN go build -o /out/app .")
