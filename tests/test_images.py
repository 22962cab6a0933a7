"""The base-image table: one test per entry (libc, shell, default user, CA bundle, zoneinfo),
tag variants, reference normalisation, and None for everything it does not know."""

import pytest

from snipcheck import images
from snipcheck.images import lookup


def facts(ref):
    info = lookup(ref)
    return (info.libc, info.shell, info.user, info.ca_bundle, info.zoneinfo)


def test_scratch_has_nothing():
    assert facts("scratch") == ("none", False, "root", False, False)
    assert not lookup("scratch").passwd


def test_golang_debian():
    assert facts("golang:1.23") == ("glibc", True, "root", True, None)  # Debian release not in the tag
    info = lookup("golang:1.23-bookworm")
    assert info.family == "golang" and info.cgo_default is True and info.sdk and info.curl


def test_golang_alpine():
    assert facts("golang:1.23-alpine3.20") == ("musl", True, "root", True, False)
    info = lookup("golang:alpine")
    assert info.family == "golang-alpine" and info.cgo_default is False and info.wget and not info.curl


def test_alpine():
    assert facts("alpine:3.20") == ("musl", True, "root", True, False)
    assert lookup("alpine").package_manager == "apk" and not lookup("alpine").bash


def test_debian_slim():
    assert facts("debian:bookworm-slim") == ("glibc", True, "root", False, True)
    assert lookup("debian:bookworm-slim").family == "debian-slim"


def test_debian():
    assert facts("debian:bookworm") == ("glibc", True, "root", False, True)
    assert lookup("debian:12").family == "debian" and lookup("debian").package_manager == "apt"


def test_ubuntu():
    assert facts("ubuntu:24.04") == ("glibc", True, "root", False, False)


def test_busybox():
    assert facts("busybox:1.36") == (None, True, "root", False, False)
    assert lookup("busybox").wget and not lookup("busybox").curl


def test_distroless_static():
    assert facts("gcr.io/distroless/static-debian12") == ("none", False, "root", True, True)
    assert lookup("gcr.io/distroless/static").passwd


def test_distroless_base_and_cc():
    assert facts("gcr.io/distroless/base-debian12") == ("glibc", False, "root", True, True)
    assert lookup("gcr.io/distroless/cc-debian12:latest").family == "distroless-base"
    assert lookup("gcr.io/distroless/base-nossl-debian12").libc == "glibc"


def test_distroless_nonroot_and_debug_variants():
    assert lookup("gcr.io/distroless/static-debian12:nonroot").user == "65532"
    debug = lookup("gcr.io/distroless/static-debian12:debug")
    assert debug.debug and debug.wget and not debug.shell  # busybox lives at /busybox/sh, not /bin/sh
    both = lookup("gcr.io/distroless/base-debian12:debug-nonroot")
    assert both.debug and both.user == "65532"
    assert not lookup("gcr.io/distroless/static-debian12").debug


def test_docker_hub_prefixes_and_digests_are_normalised():
    assert lookup("docker.io/library/alpine:3.20") == lookup("alpine:3.20")
    assert lookup("index.docker.io/library/golang:1.23") == lookup("golang:1.23")
    assert lookup("alpine:3.20@sha256:" + "0" * 64) == lookup("alpine:3.20")
    assert lookup("ALPINE:3.20") == lookup("alpine:3.20")


@pytest.mark.parametrize("ref", [
    "", "example.com/alpine:3.20", "cgr.dev/chainguard/static", "$BASE", "golang:${GO}",
    "builder", "quay.io/distroless/static", "nginxinc/nginx-unprivileged:1.27",
])
def test_unknown_images_return_none(ref):
    assert lookup(ref) is None


def test_sdk_images():
    assert images.is_sdk_image("golang:1.23") and images.is_sdk_image("node:20")
    assert not images.is_sdk_image("node:20-alpine") and not images.is_sdk_image("alpine:3.20")


@pytest.mark.parametrize("ref,zoneinfo", [
    ("debian:bookworm-slim", True), ("debian:12-slim", True), ("golang:1.27-bookworm", True),
    # trixie still ships tzdata (priority required; repo-info's debian 13-slim lists tzdata=2026b-0+deb13u1),
    # only the legacy names moved to tzdata-legacy; an untagged or newer release is not guessed.
    ("debian:trixie-slim", True), ("debian:13", True), ("golang:1.27-trixie", True),
    ("golang:1.27", None), ("debian:forky-slim", None), ("golang:1.13", None),
    ("golang:1.27-alpine", False),
])
def test_zoneinfo_is_only_claimed_for_debian_releases_that_ship_tzdata(ref, zoneinfo):
    assert lookup(ref).zoneinfo is zoneinfo


@pytest.mark.parametrize("ref, family, libc, manager, sdk", [
    ("python:3.14", "python", "glibc", "apt", True),
    ("python:3.14-slim-bookworm", "python-slim", "glibc", "apt", False),
    ("python:3.13-alpine", "python-alpine", "musl", "apk", False),
    ("node:22", "node", "glibc", "apt", True),
    ("node:22-slim", "node-slim", "glibc", "apt", False),
    ("node:lts-alpine", "node-alpine", "musl", "apk", False),
    ("ruby:3.3", "ruby", "glibc", "apt", True),
    ("ruby:3.3-slim", "ruby-slim", "glibc", "apt", False),
    ("eclipse-temurin:21", "jdk", "glibc", "apt", True),
    ("eclipse-temurin:21-jre", "jre", "glibc", "apt", False),
    ("openjdk:8-jdk-alpine", "jdk-alpine", "musl", "apk", True),
    ("nginx:1.27", "nginx", "glibc", "apt", False),
    ("nginx:alpine", "nginx-alpine", "musl", "apk", False),
    ("ubuntu:24.04", "ubuntu", "glibc", "apt", False),
    ("httpd:2.4", "httpd", "glibc", "apt", False),
    ("postgres:17-alpine", "postgres-alpine", "musl", "apk", False),
    ("redis:7", "redis", "glibc", "apt", False),
])
def test_official_language_and_server_images(ref, family, libc, manager, sdk):
    info = lookup(ref)
    assert (info.family, info.libc, info.package_manager, info.sdk) == (family, libc, manager, sdk)
    assert info.shell and info.user == "root"


def test_servers_that_leave_root_themselves():
    assert (lookup("nginx:1.27").privilege_drop, lookup("nginx:1.27").drops_to) == ("master", "nginx")
    assert (lookup("postgres:17").privilege_drop, lookup("redis:7-alpine").privilege_drop) == ("entrypoint",) * 2
    assert lookup("debian:trixie").privilege_drop == ""


def test_busybox_has_a_shell_and_no_package_manager():
    info = lookup("busybox:1.37")
    assert info.shell and not info.bash and info.package_manager is None and info.user == "root"


def _references_to_try():
    """Every FROM reference in the guide and the seed, each also as library/, docker.io/ and with a
    digest, and names that only share a start with a table entry."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for folder in ("docs", "snippets") for p in (root / folder).rglob("*")
             if p.is_file() and p.suffix in (".md", ".Dockerfile", "")]
    texts += [p.read_text(encoding="utf-8") for p in (root.parent / "shared" / "seed").rglob("*") if p.is_file()]
    refs = {m.group(1) for t in texts for m in re.finditer(r"(?im)^\s*FROM\s+(?:--\S+\s+)*(\S+)", t)}
    refs |= {"golangci/golangci-lint:v1", "pythonista:3", "nodejs:20", "gcr.io/distroless-x/static", "debianish",
             "scratchy", "library/scratch", "eclipse-temurin:21-jre-alpine", "openjdk:17-slim", "ALPINE:3.20"}
    return sorted(refs | {f"library/{r}" for r in refs} | {f"docker.io/{r}" for r in refs}
                  | {f"{r}@sha256:{'0' * 64}" for r in refs})


def test_the_name_filter_never_hides_a_pattern_that_matches():
    """lookup compiles a pattern only for names that start like it: the first match must be the one
    a scan of every pattern finds."""
    import re

    refs = _references_to_try()
    assert len(refs) > 100
    for ref in (r for r in refs if "$" not in r):  # a variable in the name: unknown before any pattern
        name = images.normalize(ref)
        first = next((info for _, pattern, info in images._TABLE if re.match(pattern, name)), None)
        found = lookup(ref)
        assert (found.family if found else None) == (first.family if first else None), ref
