"""Two real engines: two dockerd instances of our own (separate sockets, data and exec roots), the
base images copied in from the shared engine. Jobs spread over both; one engine is killed with
SIGKILL while it builds, and the report still holds every example exactly once, correctly."""

from __future__ import annotations

import subprocess
import sys
import threading
from snipcheck.records import replace

import pytest
from sitecopy import ROOT

from snipcheck.builder import DockerBuilder, Status, build_snippets, summary
from snipcheck.builder.engines import Engine
from snipcheck.builder.world import choose
from snipcheck.config import Config
from snipcheck.snippets import FenceOptions, snippet_from_dockerfile

sys.path.insert(0, str(ROOT / "tools"))
from private_dockerd import PrivateEngines  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.docker]
# example -> (declared expectation, what the real build must say)
EXAMPLES = {
    "static-scratch": ((), Status.OK),
    "distroless-nonroot": ((), Status.OK),
    "bad-no-ca": (("DG503",), Status.RUN_FAILED),
    "bad-shell-form": (("DG502",), Status.RUN_FAILED),
}


@pytest.fixture(scope="module")
def world():
    """Base images reach the private engines the way they reach any engine: pulled from the world
    this run chooses (a registry, a mirror, or the local stand-in registry of tools/standins.sh)."""
    return choose(Config())


@pytest.fixture(scope="module")
def engines():
    made = subprocess.run(["bash", str(ROOT / "tools" / "standins.sh")], capture_output=True, text=True, timeout=3600)
    assert made.returncode == 0, made.stdout[-1500:] + made.stderr[-1500:]
    with PrivateEngines(2) as pair:
        yield pair


def snippets():
    out = []
    for name, (expect, _) in EXAMPLES.items():
        path = ROOT / "snippets" / "examples" / f"{name}.Dockerfile"
        out.append(replace(snippet_from_dockerfile(f"snippets/examples/{name}.Dockerfile", path.read_text()),
                           options=FenceOptions(expect=expect)))
    return out


def test_an_engine_killed_mid_run_hands_its_jobs_to_the_other(engines, world, tmp_path):
    victim, survivor = (DockerBuilder(host=e.host, measure=False, world=world) for e in engines)
    farm = [Engine(victim, 2), Engine(survivor, 1)]
    started_on_victim = []

    def kill_while_building(index, job, engine):
        started_on_victim.append(job.name)
        if len(started_on_victim) == 1:  # a build is in flight on it now: kill it a moment later
            threading.Timer(1.0, engines[0].kill).start()

    original = victim.build_and_run

    def watched(job):
        kill_while_building(None, job, None)
        return original(job)

    victim.build_and_run = watched
    snips = snippets()
    reports = build_snippets(snips, [], ROOT, farm)

    assert [r.job.name for r in reports] == [s.fence.file + ":1" for s in snips]  # all there, in order, once
    assert [r.outcome.status for r in reports] == [want for _, want in EXAMPLES.values()], summary(reports)
    assert not farm[0].alive and farm[1].alive
    engine_of = {r.job.name: r.outcome.engine for r in reports}
    moved = [name for name in started_on_victim if engine_of[name] == engines[1].host]
    assert moved, f"no job that started on the killed engine was finished by the other: {engine_of}"
    assert all(not r.failing for r in reports), summary(reports)
    text = summary(reports)
    assert text.startswith("real build: built and ran 4 of 4 buildable snippets")
    survivor.close()


def test_jobs_spread_over_two_healthy_engines(engines, world, tmp_path):
    if engines[0].proc.poll() is not None:  # killed by the test above (it runs first, on cold engines)
        engines[0].stop()
        engines[0].start()  # same data root: the images are still there
    builders = [DockerBuilder(host=e.host, measure=False, world=world) for e in engines]
    reports = build_snippets(snippets(), [], ROOT, [Engine(b, 1) for b in builders])
    used = {r.outcome.engine for r in reports}
    assert used == {e.host for e in engines}, used
    assert [r.outcome.status for r in reports] == [want for _, want in EXAMPLES.values()]
    for b in builders:
        b.close()
