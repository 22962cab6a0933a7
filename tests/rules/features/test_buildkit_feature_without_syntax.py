from spec import assert_catches, assert_clean

R = "DG901"


def test_catches_run_mount():
    assert_catches(R, "FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache go build .", line=2)


def test_catches_heredoc():
    assert_catches(R, "FROM debian:bookworm-slim\nRUN <<EOF\necho hi\nEOF", line=2)


def test_catches_copy_link_chmod_exclude_and_add_checksum():
    assert_catches(R, "FROM alpine:3.20\nCOPY --link --chmod=755 app /app\nCOPY --exclude=*.md . /src", count=1)
    assert_catches(R, "FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/x /x")


def test_catches_in_later_stage_of_multi_stage_file():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go version
        FROM build AS test
        RUN go vet ./...
        FROM scratch
        COPY --link --from=build /app /app
    """, line=6)


def test_catches_when_only_check_directive():
    assert_catches(R, "# check=error=true\nFROM alpine:3.20\nRUN --mount=type=secret,id=t cat /run/secrets/t")


def test_clean_with_syntax():
    assert_clean(R, "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=cache,target=/x true")
    assert_clean(R, "# syntax = docker/dockerfile:1.7-labs\n# escape=`\nFROM alpine:3.20\nCOPY --exclude=x . /src")


def test_clean_old_flags():
    assert_clean(R, "FROM alpine:3.20\nCOPY --chown=1:1 --from=busybox:1.36 /bin/busybox /bin/\nRUN echo $((1 << 2))")


def test_clean_fragment():
    assert_clean(R, "RUN --mount=type=cache,target=/root/.npm npm ci")


def test_clean_misplaced_syntax_is_dg902s():
    assert_clean(R, "# Build\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=cache,target=/x true")
