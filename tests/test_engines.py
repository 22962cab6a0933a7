"""Spreading jobs over several engines (logic, with doubles for the engines; the real two-dockerd
test is test_build_farm_docker.py): limits per engine, a dying engine's jobs moved, none lost
or reported twice."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from snipcheck.builder import BuildJob, BuildOutcome, EngineError, Status
from snipcheck.builder.engines import Engine, EngineSpec, healthy_engines, parse_engines, run_on_engines


def test_parse_engine_specs():
    assert parse_engines(["unix:///tmp/a.sock jobs=2", "ssh://ci@farm-1", "buildx:farm jobs=8",
                          "tcp://10.0.0.5:2376"]) == [
        EngineSpec("unix:///tmp/a.sock", 2), EngineSpec("ssh://ci@farm-1", 1), EngineSpec("buildx:farm", 8),
        EngineSpec("tcp://10.0.0.5:2376", 1)]
    assert EngineSpec("buildx:farm").buildx == "farm" and EngineSpec("ssh://x").buildx == ""


@pytest.mark.parametrize("bad", ["/var/run/docker.sock", "unix:///a.sock jobs=0", "unix:///a.sock jobs=x",
                                 "http://host"])
def test_bad_engine_specs_say_which(bad):
    with pytest.raises(ValueError, match="engine"):
        parse_engines([bad])


class SlowEngine:
    """Double: takes `delay` per job, tracks how many run at once, dies after `dies_after` jobs."""

    def __init__(self, name, delay=0.02, dies_after=None):
        self.name, self.delay, self.dies_after = name, delay, dies_after
        self.running = self.peak = self.started = 0
        self.lock = threading.Lock()

    def build_and_run(self, job):
        with self.lock:
            self.started += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
            dead = self.dies_after is not None and self.started > self.dies_after
        time.sleep(self.delay)
        with self.lock:
            self.running -= 1
        if dead:
            return BuildOutcome(Status.BUILD_FAILED, "error during connect: EOF")
        return BuildOutcome(Status.OK, f"built {job.name}", engine=self.name)

    def check_engine(self):
        if self.dies_after is not None and self.started > self.dies_after:
            raise EngineError(f"cannot reach {self.name}")
        return "20.10"


def jobs(n):
    return [(i, BuildJob(f"ex{i}", "FROM scratch\n", Path("/ctx"))) for i in range(n)]


def test_jobs_are_spread_within_each_engines_limit():
    a, b = SlowEngine("a"), SlowEngine("b")
    done = []
    results = run_on_engines(jobs(12), [Engine(a, 2), Engine(b, 1)], finished=lambda i, j, o: done.append(i))
    assert sorted(results) == list(range(12)) and sorted(done) == list(range(12))
    assert a.peak <= 2 and b.peak <= 1 and a.started > 0 and b.started > 0


def test_a_dying_engine_hands_its_jobs_over_and_nothing_is_reported_twice():
    dying, healthy = SlowEngine("dying", dies_after=2), SlowEngine("healthy")
    done = []
    engines = [Engine(dying, 2), Engine(healthy, 1)]
    results = run_on_engines(jobs(10), engines, finished=lambda i, j, o: done.append(i))
    assert sorted(done) == list(range(10))  # each job finished exactly once
    assert all(o.status is Status.OK and o.reason == f"built ex{i}" for i, o in results.items())
    assert not engines[0].alive and "cannot reach dying" in engines[0].error
    assert engines[0].done + engines[1].done == 10


def test_when_every_engine_dies_the_run_fails_instead_of_reporting_half():
    with pytest.raises(EngineError, match="could not be done"):
        run_on_engines(jobs(5), [Engine(SlowEngine("a", dies_after=1)), Engine(SlowEngine("b", dies_after=0))])


def test_engines_that_do_not_answer_are_left_out_and_none_is_an_error():
    gone = SlowEngine("gone", dies_after=-1)
    assert [e.name for e in healthy_engines([Engine(SlowEngine("up")), Engine(gone)])] == ["up"]
    with pytest.raises(EngineError, match="cannot reach gone"):
        healthy_engines([Engine(gone)])
