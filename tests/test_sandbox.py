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
from snipcheck.parser import parse

ALLOWED = sandbox.allowed_images(Config(), None)


def refusal(text: str, network: bool = False, config: Config = Config()) -> str | None:
    return sandbox.refusal(textwrap.dedent(text), network, config, ALLOWED)


@pytest.mark.parametrize("text", [
    "FROM golang:1.27-bookworm AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /a /a\n",
    "FROM docker.io/library/debian:bookworm-slim\n",
    "FROM scratch\nCOPY --from=golang:1.27 /usr/local/go/VERSION /v\n",
    "ARG GO=1.27\nFROM golang:${GO}-bookworm AS b\nFROM b\nRUN --mount=type=bind,from=b,target=/x true\n",
    "FROM debian:bookworm-slim AS one\nFROM scratch\nCOPY --from=0 /etc/passwd /p\n",
])
def test_allowed_images_and_earlier_stages_pass(text):
    assert refusal(text) is None


@pytest.mark.parametrize("text,named", [
    ("FROM snipcheck-build:123-1\n", "snipcheck-build:123-1 (line 1)"),
    ("FROM scratch\nCOPY --from=my-private/tools:1 /etc/shadow /s\n", "my-private/tools:1 (line 2)"),
    ("FROM debian:bookworm-slim\nRUN --mount=type=bind,from=other:1,target=/o cat /o/x\n", "other:1 (line 2)"),
    ("FROM debian:bookworm-slim\nRUN --mount=type=cache,from=other:1,target=/o true\n", "other:1 (line 2)"),
    ("FROM debian:bookworm-slim\nARG IMG\nCOPY --from=${IMG} /x /x\n", "${IMG} (line 3)"),
    ("FROM golang.evil.example/golang:1\n", "golang.evil.example/golang:1 (line 1)"),
    # a later stage is not an earlier one: BuildKit would look the name up as an image
    ("FROM debian:bookworm-slim\nCOPY --from=later /x /x\nFROM debian:bookworm-slim AS later\n", "later (line 2)"),
])
def test_other_images_are_refused_with_their_lines(text, named):
    reason = refusal(text)
    assert reason and named in reason


def test_network_is_refused_when_switched_off():
    text = "FROM debian:bookworm-slim\n"
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


def test_image_allowed_normalises_references():
    allowed = frozenset({"debian", "golang:1.27"})
    assert sandbox.image_allowed("debian", allowed)
    assert sandbox.image_allowed("docker.io/library/debian:12@sha256:" + "a" * 64, allowed)
    assert sandbox.image_allowed("golang:1.27", allowed) and not sandbox.image_allowed("golang:1.26", allowed)
    assert not sandbox.image_allowed("localhost:5000/debian", allowed)


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
