from spec import assert_catches, assert_clean, fired

R = "DG903"
LOCKED = "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked"


def test_catches_apk_no_cache_with_cache_mount():
    assert_catches(R, "RUN --mount=type=cache,target=/var/cache/apk apk add --no-cache curl", line=1)


def test_catches_pip_no_cache_dir_with_cache_mount():
    assert_catches(R, "RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir flask")
    assert_catches(R, "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN --mount=type=cache,target=/root/.cache "
                      "pip install flask")


def test_catches_apt_cache_with_docker_clean_active():
    assert_catches(R, f"FROM debian:bookworm-slim\nRUN {LOCKED} apt-get update && apt-get install -y curl", line=2)


def test_catches_cleaning_the_mounted_cache():
    assert_catches(R, f"RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN {LOCKED} apt-get update "
                      "&& apt-get install -y curl && rm -rf /var/lib/apt/lists/*")
    assert_catches(R, "RUN --mount=type=cache,target=/root/.cache/go-build go build . && go clean -cache")


def test_catches_apt_mount_without_sharing_locked_as_info():
    text = ("FROM debian:bookworm-slim\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\n"
            "RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl")
    hits = fired(R, text)
    assert [str(h.severity) for h in hits] == ["info"]


def test_catches_docker_clean_kept_through_stage_chain():
    assert_catches(R, f"""
        FROM debian:bookworm-slim AS base
        RUN echo keep docker-clean
        FROM base
        RUN {LOCKED} apt-get install -y curl
    """, line=4)


def test_clean_docker_clean_removed_in_parent_stage():
    assert_clean(R, f"""
        FROM debian:bookworm-slim AS base
        RUN rm -f /etc/apt/apt.conf.d/docker-clean
        FROM base AS deps
        FROM deps
        RUN {LOCKED} apt-get update && apt-get install -y curl
    """)


def test_clean_docker_clean_removed_in_same_run():
    assert_clean(R, f"RUN {LOCKED} rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y curl")


def test_clean_cache_mounts_used_properly():
    assert_clean(R, "RUN --mount=type=cache,target=/var/cache/apk apk add curl")
    assert_clean(R, "RUN --mount=type=cache,target=/root/.cache/pip pip install flask")
    assert_clean(R, "RUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .")


def test_clean_tmpfs_and_unrelated_rm():
    assert_clean(R, "RUN --mount=type=tmpfs,target=/var/cache/apk apk add --no-cache curl")
    assert_clean(R, "RUN --mount=type=cache,target=/root/.npm npm ci && rm -rf /tmp/*")


def test_clean_apt_mount_on_alpine_is_not_about_docker_clean():
    assert_clean(R, "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl")


def test_clean_cache_inspection_commands():
    assert_clean(R, "RUN --mount=type=cache,target=/root/.npm npm cache verify && npm ci")
    assert_clean(R, "RUN --mount=type=cache,target=/root/.cache/pip pip cache list && pip install flask")


def test_catches_npm_cache_clean_inside_mount():
    assert_catches(R, "RUN --mount=type=cache,target=/root/.npm npm ci && npm cache clean --force")
