"""The pull path of real builds, against a real registry (Debian's docker-registry, started here on
127.0.0.1) and the real Docker engine: pull and pin, a registry that is down, a missing tag, a
digest that moved since the lock, and stand-ins that never shadow real names."""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import tarfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from snipcheck.builder import BuildJob, DockerBuilder, Status, findings_for
from snipcheck.builder.docker import default_docker
from snipcheck.builder.mirrors import standin_mirrors
from snipcheck.builder.registry import PullError
from snipcheck.builder.world import World, choose
from snipcheck.checker import check_text
from snipcheck.config import Config
from snipcheck.imagelock import LockedImage
from snipcheck.registry import RuleSet
from snipcheck.snippets import snippet_from_dockerfile

pytestmark = [pytest.mark.docker, pytest.mark.slow]
DOCKER = default_docker()
TINI = Path("/usr/bin/tini-static")  # statically linked, shipped with Debian's docker.io


def docker(*args, check=True):
    proc = subprocess.run([DOCKER, *args], capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"docker {' '.join(args)}: {proc.stderr}")
    return proc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    """A real docker-registry on a free loopback port with its own storage: Debian's config with
    the auth block dropped, as tools/standins.sh runs it."""
    assert shutil.which("docker-registry"), "docker-registry missing: `make system` installs it"
    folder = tmp_path_factory.mktemp("registry")
    port = free_port()
    config, skip = [], False
    for line in Path("/etc/docker/registry/config.yml").read_text().splitlines():
        if line.startswith("auth:"):
            skip = True
            continue
        if skip and line[:1] not in (" ", ""):
            skip = False
        if skip:
            continue
        if line.strip().startswith("rootdirectory:"):
            line = line.split("rootdirectory:")[0] + f"rootdirectory: {folder / 'data'}"
        if line.strip().startswith("addr:"):
            line = line.split("addr:")[0] + f"addr: 127.0.0.1:{port}"
        config.append(line)
    (folder / "config.yml").write_text("\n".join(config) + "\n")
    proc = subprocess.Popen(["docker-registry", "serve", str(folder / "config.yml")],
                            stdout=subprocess.DEVNULL, stderr=open(folder / "log", "w"))
    address = f"127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{address}/v2/", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield address
    proc.terminate()
    proc.wait(timeout=10)
    # what the tests pulled from it: named after this registry's address, which no one reuses
    listed = [line.split() for line in docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}")
              .stdout.splitlines()]
    mine = [(name, image_id) for name, image_id in listed if name.startswith(f"{address}/")]
    tagged = [name for name, _ in mine if not name.endswith(":<none>")]
    if tagged:
        docker("image", "rm", *tagged, check=False)
    for _, image_id in mine:  # untagged (a tag that moved): by ID, never forced, so no other name goes
        docker("image", "rm", image_id, check=False)


def push_tiny(address: str, repo: str, tag: str, marker: str, standin: bool = False) -> str:
    """Push a one-file image (tini, plus a marker file) as address/repo:tag; returns its digest.
    The local tag is removed again: only the registry holds it."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        tar.add(TINI, arcname="tini")
        data = marker.encode()
        info = tarfile.TarInfo("marker")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    name = f"{address}/{repo}:{tag}"
    labels = ["--change", "LABEL snipcheck.standin=1", "--change",
              'LABEL snipcheck.standin.what="a test stand-in"'] if standin else []
    subprocess.run([DOCKER, "import", *labels, "--change", 'ENTRYPOINT ["/tini"]', "-", name],
                   input=buf.getvalue(), capture_output=True, check=True, timeout=120)
    pushed = docker("push", name).stdout
    docker("image", "rm", name)
    return "sha256:" + pushed.split("sha256:")[-1].split()[0]


@pytest.fixture
def repo():
    return f"library/snipcheck-pull-{uuid.uuid4().hex[:8]}"


def mirror_world(address: str) -> World:
    return World("mirror", {"docker.io": address}, f"mirror {address}")


def job(text: str, tmp_path: Path) -> BuildJob:
    return BuildJob("docs/page.md:1", text, tmp_path, run_args=("--version",))


def test_pull_pins_the_digest_and_names_the_world(registry, repo, tmp_path):
    digest = push_tiny(registry, repo, "1", "one")
    name = repo.removeprefix("library/")
    with DockerBuilder(DOCKER, world=mirror_world(registry)) as builder:
        prepared = builder.images.prepare(f"FROM {name}:1\nCOPY --from={name}:1 /marker /m\n")
        assert prepared.text == (f"FROM {registry}/{repo}@{digest}\n"
                                 f"COPY --from={registry}/{repo}@{digest} /marker /m\n")
        outcome = builder.build_and_run(job(f"FROM {name}:1\n", tmp_path))
    assert outcome.status is Status.OK, outcome
    assert outcome.world == f"built on {name}:1@{digest[:19]}… from mirror {registry}"


def test_a_standin_says_it_is_one(registry, tmp_path):
    digest = push_tiny(registry, "library/snipcheck-standin-test", "1", "s", standin=True)
    world = World("stand-ins", standin_mirrors(registry), f"the local registry {registry}")
    with DockerBuilder(DOCKER, world=world) as builder:
        outcome = builder.build_and_run(job("FROM snipcheck-standin-test:1\n", tmp_path))
    assert outcome.status is Status.OK, outcome
    assert f"a local stand-in of snipcheck-standin-test:1@{digest[:19]}… (a test stand-in)" in outcome.world


def test_a_registry_that_is_down_is_a_clear_build_failure_and_lint_still_runs(tmp_path):
    down = f"127.0.0.1:{free_port()}"  # nothing listens there
    text = ("FROM golang:1.27 AS build\nRUN go version\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\n"
            'ENTRYPOINT ["/app"]\n')  # runs something as root: DG701
    with DockerBuilder(DOCKER, world=mirror_world(down)) as builder:
        outcome = builder.build_and_run(job(text, tmp_path))
    assert outcome.status is Status.BUILD_FAILED
    assert outcome.reason.startswith(f"cannot pull golang:1.27: mirror {down} did not answer")
    snippet = snippet_from_dockerfile("page.Dockerfile", text)
    (finding,) = findings_for(snippet, job(text, tmp_path), outcome)
    assert finding.rule == "DG010" and "did not answer" in finding.message
    lint = check_text(text, RuleSet())
    assert "DG701" in {f.rule for f in lint.findings}  # the static checks are unaffected


def test_a_missing_tag_fails_in_a_registry_and_is_not_built_among_standins(registry, repo, tmp_path):
    push_tiny(registry, repo, "1", "one")
    name = repo.removeprefix("library/")
    with DockerBuilder(DOCKER, world=mirror_world(registry)) as builder:
        with pytest.raises(PullError) as info:
            builder.images.resolve(f"{name}:no-such-tag")
        assert info.value.kind == "missing" and f"{name}:no-such-tag is not in mirror {registry}" in str(info.value)
        assert builder.build_and_run(job(f"FROM {name}:no-such-tag\n", tmp_path)).status is Status.BUILD_FAILED
    world = World("stand-ins", standin_mirrors(registry), f"the local registry {registry}")
    with DockerBuilder(DOCKER, world=world) as builder:
        outcome = builder.build_and_run(job(f"FROM {name}:no-such-tag\n", tmp_path))
    assert (outcome.status, outcome.reason) == (Status.NOT_BUILT, f"image not available: {name}:no-such-tag")


def test_a_digest_that_moved_since_the_lock_builds_on_the_locked_one_and_says_so(registry, repo, tmp_path):
    name = repo.removeprefix("library/")
    old = push_tiny(registry, repo, "1", "old")
    new = push_tiny(registry, repo, "1", "new")  # the tag moves
    assert old != new
    locked = {f"{name}:1": LockedImage(f"{name}:1", old, "linux/amd64", "2026-11-29", "registry")}
    with DockerBuilder(DOCKER, world=mirror_world(registry), locked=locked) as builder:
        resolved = builder.images.resolve(f"{name}:1")
        assert (resolved.digest, resolved.moved) == (old, new)
        outcome = builder.build_and_run(job(f"FROM {name}:1\nCOPY --from={name}:1 /marker /marker\n", tmp_path))
    assert outcome.status is Status.OK, outcome
    assert old[:19] in outcome.world
    assert any("has moved since the lock" in note and new[:19] in note for note in outcome.notes)


def test_standins_never_shadow_real_names():
    """tools/standins.sh (run by `make system` before the suite) serves its images from the local
    registry; the engine holds no image labelled as a stand-in under a name a reader would pull."""
    world = choose(Config(offline=True))
    assert world.mirrors, f"no stand-in registry: {world.note}"
    listed = docker("image", "ls", "--filter", "label=snipcheck.standin=1", "--format",
                    "{{.Repository}}:{{.Tag}}").stdout.split()
    address = world.mirrors["docker.io"]
    # an image a run builds FROM a stand-in inherits the label, under the run's own snipcheck-build: name
    shadowing = [ref for ref in listed if not ref.startswith(("127.0.0.1:", "snipcheck-standin/", "snipcheck-build:"))]
    assert shadowing == [], f"stand-ins under real names: {shadowing}"
    assert urllib.request.urlopen(f"http://{address}/v2/library/golang/tags/list", timeout=5).status == 200
