"""The real build's sandbox decisions, from the text alone (builder/sandbox.py, limits.py,
cleanup.py): which images, which network, how cache mounts are renamed. The same decisions
are exercised against a real engine in test_hostile_builds.py."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest

from snipcheck.builder import sandbox
from snipcheck.builder.cleanup import own_records
from snipcheck.builder.limits import parse_layer_sizes, size_problem
from snipcheck.config import Config
from snipcheck.fence_options import parse_option_string
from snipcheck.imagelock import LockedImage
from snipcheck.parser import parse

D1 = "sha256:" + "1" * 64
D2 = "sha256:" + "2" * 64
LOCK = {ref: LockedImage(ref, digest, kind=kind) for ref, digest, kind in (
    ("golang:1.27-trixie", D1, "stand-in"), ("debian:trixie-slim", D2, "stand-in"),
    ("gcr.io/distroless/static-debian13:nonroot", D2, "registry"), ("golang:1.27", D1, "registry"),
    ("alpine:3.24", "", "unresolved"), ("docker/dockerfile:1", "", "unresolved"))}
ALLOWED = sandbox.allowed_images(LOCK)


def refusal(text: str, network: bool = False, config: Config = Config()) -> str | None:
    return sandbox.refusal(textwrap.dedent(text), network, config, ALLOWED)


@pytest.mark.parametrize("text", [
    "FROM golang:1.27-trixie AS build\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /a /a\n",
    "FROM docker.io/library/debian:trixie-slim\n",
    "FROM scratch\nCOPY --from=golang:1.27 /usr/local/go/VERSION /v\n",
    "ARG GO=1.27\nFROM golang:${GO}-trixie AS b\nFROM b\nRUN --mount=type=bind,from=b,target=/x true\n",
    "FROM debian:trixie-slim AS one\nFROM scratch\nCOPY --from=0 /etc/passwd /p\n",
    f"FROM golang:1.27-trixie@{D1}\n",  # the digest the lock holds for golang
    f"FROM golang@{D1}\n",
    "# syntax=docker/dockerfile:1\nFROM alpine:3.24\n",  # unresolved: listed, so allowed by name
])
def test_locked_images_and_earlier_stages_pass(text):
    assert refusal(text) is None


@pytest.mark.parametrize("text,named", [
    ("FROM snipcheck-build:123-1\n", "snipcheck-build:123-1 (line 1)"),
    ("FROM scratch\nCOPY --from=my-private/tools:1 /etc/shadow /s\n", "my-private/tools:1 (line 2)"),
    ("FROM debian:trixie-slim\nRUN --mount=type=bind,from=other:1,target=/o cat /o/x\n", "other:1 (line 2)"),
    ("FROM debian:trixie-slim\nRUN --mount=type=cache,from=other:1,target=/o true\n", "other:1 (line 2)"),
    ("FROM debian:trixie-slim\nARG IMG\nCOPY --from=${IMG} /x /x\n", "${IMG} (line 3)"),
    ("FROM golang.evil.example/golang:1\n", "golang.evil.example/golang:1 (line 1)"),
    # a later stage is not an earlier one: BuildKit would look the name up as an image
    ("FROM debian:trixie-slim\nCOPY --from=later /x /x\nFROM debian:trixie-slim AS later\n", "later (line 2)"),
    # the lock pins exact tags: another tag of a locked repository is not locked
    ("FROM debian:bookworm-slim\n", "debian:bookworm-slim (line 1)"),
    ("FROM golang\n", "golang (line 1)"),
    ("FROM localhost:5000/debian:trixie-slim\n", "localhost:5000/debian:trixie-slim (line 1)"),
    # a digest the lock does not hold for that repository (D2 is debian's)
    (f"FROM golang:1.27-trixie@{D2}\n", f"golang:1.27-trixie@{D2} (line 1)"),
    # the frontend image runs inside BuildKit: a local one would read the engine's images
    ("# syntax=snipcheck-sectest/frontend:1\nFROM debian:trixie-slim\n", "snipcheck-sectest/frontend:1 (line 1)"),
])
def test_other_images_are_refused_with_their_lines(text, named):
    reason = refusal(text)
    assert reason and named in reason
    assert "snippets/images.lock" in reason and "run `snipcheck images lock`" in reason


def test_an_empty_lock_allows_no_image_but_scratch_and_stages():
    empty = sandbox.allowed_images({})
    assert sandbox.refusal("FROM debian:trixie-slim\n", False, Config(), empty)
    assert sandbox.refusal("FROM scratch AS a\nCOPY x /x\nFROM scratch\nCOPY --from=a /x /x\n", False, Config(),
                           empty) is None


def test_network_is_refused_when_switched_off():
    text = "FROM debian:trixie-slim\n"
    assert refusal(text, network=True) is None
    assert "allow_network: false" in refusal(text, network=True, config=Config(allow_network=False))


def test_network_is_declared_by_fence_option_or_marker():
    assert sandbox.wants_network("build", "FROM x\n")
    assert sandbox.wants_network(None, "FROM x\n# snipcheck: network\nRUN apt-get update\n")
    assert not sandbox.wants_network(None, "FROM x\nRUN echo '# snipcheck: network'\n")
    opts, errors = parse_option_string('network="build"', None)
    assert opts.network == "build" and not errors
    opts, errors = parse_option_string('network="run"', None)
    assert opts.network is None and "never has one" in errors[0]


def test_cache_mounts_are_namespaced_and_the_go_build_cache_is_dropped():
    text = textwrap.dedent("""\
        FROM golang:1.27-bookworm
        RUN --mount=type=cache,target=/go/pkg/mod \\
            --mount=type=cache,target=/root/.cache/go-build \\
            go build ./...
        RUN --mount=type=cache,id=shared,target=/c,sharing=locked echo hi > /c/x
        RUN ["/bin/true"]
        """)
    out = sandbox.isolate(text, "run1-3")
    df = parse(out)
    mounts = [m for ins in df.instructions for m in ins.flag_values("mount")]
    assert mounts == ["type=cache,target=/go/pkg/mod,id=run1-3//go/pkg/mod",
                      "type=cache,id=run1-3/shared,target=/c,sharing=locked"]
    runs = [ins for ins in df.instructions if ins.keyword == "RUN"]
    assert runs[0].args.endswith("go build ./... # snipcheck-build-run1-3")
    assert runs[2].json_args == ("/bin/true",)  # exec form: no shell, no marker
    assert out.count("\n") == text.count("\n")  # line numbers stay
    assert sandbox.unmark("[2/3] RUN echo hi # snipcheck-build-run1-3") == "[2/3] RUN echo hi"


def test_image_allowed_compares_references_as_the_engine_reads_them():
    allowed = sandbox.allowed_images({"debian:trixie-slim": LockedImage("debian:trixie-slim", D2),
                                      "golang": LockedImage("golang", D1)})
    assert sandbox.image_allowed("docker.io/library/debian:trixie-slim", allowed)
    assert sandbox.image_allowed("index.docker.io/library/debian:trixie-slim", allowed)
    assert sandbox.image_allowed("golang:latest", allowed) and sandbox.image_allowed("golang", allowed)
    assert sandbox.image_allowed(f"docker.io/library/debian:12@{D2}", allowed)  # the engine ignores the tag
    assert not sandbox.image_allowed("golang:1.27", allowed) and not sandbox.image_allowed("debian", allowed)
    assert not sandbox.image_allowed(f"debian@{D1}", allowed)  # D1 is golang's digest, not debian's
    assert not sandbox.image_allowed("localhost:5000/debian:trixie-slim", allowed)


def test_size_limits():
    assert size_problem(2_000_000_000, [], 1_000_000_000, 10**12).startswith("the image is 2.00 GB")
    assert "a layer is 5.0 MB" in size_problem(6_000_000, [5_000_000, 10], 10**9, 1_000_000)
    assert size_problem(10, [5], 100, 100) is None
    assert parse_layer_sizes("0\n5000\n<missing>\n12\n") == [0, 5000, 12]


def test_own_build_cache_records_only():
    records = [
        {"ID": "a", "Parent": "", "Description": "mount / from exec /bin/sh -c go build # snipcheck-build-9-x-1"},
        {"ID": "b", "Parent": "a", "Description": "cached mount /c from exec /bin/sh -c x # snipcheck-build-9-x-2"},
        {"ID": "c", "Parent": "", "Description": "mount / from exec /bin/sh -c go build # snipcheck-build-8-y-1"},
        {"ID": "d", "Parent": "", "Description": "local source for context"},
    ]
    assert own_records(json.dumps(records), "snipcheck-build-9-x-") == ["b", "a"]
    assert own_records("not json", "x") == []


@pytest.mark.parametrize("signum,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signals_unwind_through_finally_and_give_their_exit_code(tmp_path, signum, code):
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from snipcheck.signals import EXIT_CODES, Terminated, signals_raise
        try:
            with signals_raise():
                try:
                    os.kill(os.getpid(), {int(signum)})
                    time.sleep(5)
                finally:
                    open({str(tmp_path / "cleaned")!r}, "w").close()
        except (KeyboardInterrupt, Terminated):
            sys.exit(EXIT_CODES[{int(signum)}])
        """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == code and (tmp_path / "cleaned").exists(), r.stderr


def test_layer_limit_looks_at_the_final_stages_own_base():
    from snipcheck.builder.limits import base_image

    assert base_image(parse("FROM golang:1.27 AS b\nFROM debian:bookworm-slim AS r\nFROM r\nRUN x\n")) == \
        "debian:bookworm-slim"
    assert base_image(parse("FROM golang:1.27 AS b\nFROM scratch\nCOPY --from=b /a /a\n")) is None
