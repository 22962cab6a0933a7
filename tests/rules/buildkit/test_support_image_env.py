"""The ENV that well-known base images define (DG111, DG305): looked up by repository, as the
anchored patterns it replaced matched it."""

import re

import pytest

from snipcheck.rules.buildkit.support import _image_env

FORMER_PATTERNS = [  # the patterns the table replaced, first match wins
    (r"^scratch$", "scratch"), (r"^(alpine|busybox|debian|ubuntu)(:|$)", "alpine"), (r"^golang(:|$)", "golang"),
    (r"^python(:|$)", "python"), (r"^node(:|$)", "node"), (r"^ruby(:|$)", "ruby"),
    (r"^(openjdk|eclipse-temurin)(:|$)", "openjdk"), (r"^nginx(:|$)", "nginx"),
    (r"^gcr\.io/distroless/", "gcr.io/distroless/static"),
]


@pytest.mark.parametrize("name", [
    "scratch", "scratch:latest", "scratchy", "alpine", "alpine:3.20", "alpine:", "alpinelinux", "busybox:1",
    "debian:trixie-slim", "ubuntu", "golang:1.23-alpine", "golang", "golangci/golangci-lint", "golang@sha256:ab",
    "python:3.12-slim", "pythonic:1", "node:22", "nodejs", "ruby:3", "openjdk:21", "eclipse-temurin:21-jre",
    "nginx:1.27", "nginx-unprivileged", "gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless",
    "docker.io/library/golang:1.23", "docker.io/golang", "library/python:3", "ghcr.io/x/golang:1", "",
])
def test_each_image_gets_what_the_former_patterns_gave_it(name):
    bare = name
    for prefix in ("docker.io/library/", "docker.io/", "library/"):
        bare = bare.removeprefix(prefix)
    expected = next((_image_env(example) for pattern, example in FORMER_PATTERNS if re.match(pattern, bare)), None)
    assert _image_env(name) == expected


def test_known_images_define_path_and_their_own_variables():
    assert _image_env("golang:1.23") == {"PATH", "GOLANG_VERSION", "GOTOOLCHAIN", "GOPATH"}
    assert _image_env("scratch") == {"PATH"}
    assert _image_env("gcr.io/distroless/base") == {"PATH", "SSL_CERT_FILE"}
    assert _image_env("example.com/app:1") is None
