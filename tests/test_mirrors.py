"""Image references and the mirrors map: parsing, mirroring, rewriting a Dockerfile."""

from snipcheck.builder.mirrors import mirrored, parse_ref, rewrite_dockerfile, standin_mirrors
from snipcheck.builder.registry import image_lines
from snipcheck.parser import parse

MIRRORS = {"docker.io": "127.0.0.1:5000", "gcr.io": "127.0.0.1:5000/gcr.io"}


def test_parse_ref_fills_in_docker_hub_and_latest():
    ref = parse_ref("golang")
    assert (ref.registry, ref.path, ref.tag, ref.digest) == ("docker.io", "library/golang", "latest", "")
    assert parse_ref("golang:1.27-trixie").short == "golang:1.27-trixie"
    assert parse_ref("gcr.io/distroless/static-debian13:nonroot").name == "gcr.io/distroless/static-debian13"
    local = parse_ref("127.0.0.1:5000/library/golang@sha256:ab")
    assert (local.registry, local.path, local.tag, local.digest) == ("127.0.0.1:5000", "library/golang", "latest",
                                                                      "sha256:ab")
    assert parse_ref("docker.io/myorg/app:1").path == "myorg/app"


def test_mirrors_keep_the_real_repository_paths():
    assert mirrored("golang:1.27", MIRRORS).with_tag() == "127.0.0.1:5000/library/golang:1.27"
    assert mirrored("gcr.io/distroless/static-debian13:nonroot", MIRRORS).with_tag() == \
        "127.0.0.1:5000/gcr.io/distroless/static-debian13:nonroot"
    assert mirrored("quay.io/org/img:1", MIRRORS).with_tag() == "quay.io/org/img:1"  # no mirror: unchanged
    assert standin_mirrors("127.0.0.1:9")["gcr.io"] == "127.0.0.1:9/gcr.io"


def test_rewrite_replaces_whole_references_on_image_lines_only():
    text = ("# syntax=docker/dockerfile:1\nARG BASE=alpine:3.24\n"
            "FROM --platform=$BUILDPLATFORM golang:1.27 AS build\n"
            "RUN --mount=type=bind,from=golang:1.27,source=/a,target=/b echo golang:1.27\n"
            "COPY --from=gcr.io/distroless/static-debian13:nonroot /etc/passwd /p\n"
            "LABEL base=golang:1.27\nFROM $BASE\n")
    mapping = {"golang:1.27": "M/library/golang@sha256:1", "alpine:3.24": "M/library/alpine@sha256:2",
               "gcr.io/distroless/static-debian13:nonroot": "M/gcr.io/distroless/static-debian13@sha256:3"}
    out = rewrite_dockerfile(text, mapping, image_lines(parse(text))).split("\n")
    assert out[1] == "ARG BASE=M/library/alpine@sha256:2"
    assert out[2] == "FROM --platform=$BUILDPLATFORM M/library/golang@sha256:1 AS build"
    assert out[3] == "RUN --mount=type=bind,from=M/library/golang@sha256:1,source=/a,target=/b echo golang:1.27"
    assert out[4].startswith("COPY --from=M/gcr.io/distroless/static-debian13@sha256:3 ")
    assert out[5] == "LABEL base=golang:1.27"  # not an image line
    assert rewrite_dockerfile("FROM golang:1.27-trixie\n", mapping, {1: True}) == "FROM golang:1.27-trixie\n"
