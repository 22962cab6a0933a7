"""The build cache: what its key covers, atomic storage under two processes, and reuse in a run.
The real-Docker proof (count `docker build` calls) is in test_build_farm.py."""

from __future__ import annotations

import multiprocessing
from snipcheck.records import replace
from pathlib import Path

import pytest

from snipcheck.builder import BuildJob, BuildOutcome, Status
from snipcheck.builder.batch import run_jobs
from snipcheck.builder.cache import BuildCache, LayerSizes, build_key, context_digest
from snipcheck.builder.engines import Engine
from snipcheck.builder.facts import ImageFacts

TEXT = "FROM golang:1.27 AS b\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"
FACTS = ImageFacts(size=7_900_000, compressed_size=3_100_000, layers=3, wasted_bytes=0, user="65534:65534",
                   toolchain=(), wasted_paths=())


def key(job, images=None, settings=None, context="ctx", version="1.0"):
    return build_key(job, images if images is not None else {"golang:1.27": "sha256:aa"},
                     settings if settings is not None else {"offline": True}, context, version)


@pytest.fixture
def job():
    return BuildJob("docs/p.md:3", TEXT, Path("/ctx"), (("VERSION", "test-1"),))


def test_same_inputs_same_key(job):
    assert key(job) == key(replace(job, name="docs/other.md:9", expect_run_ok=False))


@pytest.mark.parametrize("change", [
    lambda j: {"job": replace(j, dockerfile=TEXT + "USER 65534\n")},
    lambda j: {"job": replace(j, build_args=(("VERSION", "test-2"),))},
    lambda j: {"images": {"golang:1.27": "sha256:bb"}},
    lambda j: {"settings": {"offline": False}},
    lambda j: {"context": "other"},
    lambda j: {"version": "1.1"},
], ids=["dockerfile", "build-args", "base-image", "builder-settings", "context", "checker-version"])
def test_each_input_changes_the_key(job, change):
    kw = {"job": job, **change(job)}
    assert key(**kw) != key(job)


def test_context_digest_covers_files_and_dockerignore(tmp_path):
    (tmp_path / "main.go").write_text("package main\n")
    before = context_digest(tmp_path, None)
    assert context_digest(tmp_path, None) == before
    assert context_digest(tmp_path, "*.md\n") != before
    (tmp_path / "README.md").write_text("hi\n")
    assert context_digest(tmp_path, None) != before


def test_round_trip_keeps_status_facts_and_log(tmp_path):
    cache = BuildCache(tmp_path)
    outcome = BuildOutcome(Status.RUN_FAILED, "`selfcheck` failed", log_tail="FAIL ca-certificates", exit_code=1,
                           facts=FACTS, engine="unix:///a.sock", notes=("dropped syntax",))
    cache.put("ab" * 32, outcome, example="docs/p.md:3")
    assert cache.get("ab" * 32) == replace(outcome, cached=True)
    assert (cache.hits, cache.misses) == (1, 0)


def test_timeouts_are_not_stored_and_damaged_entries_are_misses(tmp_path):
    cache = BuildCache(tmp_path)
    cache.put("cd" * 32, BuildOutcome(Status.BUILD_FAILED, "took longer than 900 s", transient=True))
    assert cache.get("cd" * 32) is None
    cache.path("ef" * 32).parent.mkdir(parents=True)
    cache.path("ef" * 32).write_text('{"format": 1, "outcome": {"stat')
    assert cache.get("ef" * 32) is None and cache.misses == 2


def _hammer(folder: str, who: int, rounds: int, bad: list) -> None:
    cache = BuildCache(Path(folder))
    outcome = BuildOutcome(Status.OK, f"writer {who} " + "x" * 20_000, facts=FACTS)
    for _ in range(rounds):
        cache.put("12" * 32, outcome)
        got = cache.get("12" * 32)
        if got is None or not got.reason.startswith("writer ") or got.facts != FACTS:
            bad.append(repr(got)[:80])


def test_two_processes_writing_and_reading_one_key_never_see_half_a_file(tmp_path):
    with multiprocessing.Manager() as manager:
        bad = manager.list()
        procs = [multiprocessing.Process(target=_hammer, args=(str(tmp_path), n, 300, bad)) for n in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0]
        assert list(bad) == []
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{'12' * 32}.json"]  # no temp files left


def test_layer_sizes_persist_by_diff_id(tmp_path):
    sizes = LayerSizes(tmp_path)
    assert sizes.get("sha256:" + "a" * 64) is None
    sizes["sha256:" + "a" * 64] = 1234
    assert LayerSizes(tmp_path)["sha256:" + "a" * 64] == 1234


class CountingBuilder:
    """Logic double: answers OK and counts builds; resolves every image to one ID."""

    def __init__(self):
        self.built = []

    def build_and_run(self, job):
        self.built.append(job.name)
        return BuildOutcome(Status.OK, "`selfcheck` passed", facts=FACTS)

    def image_id(self, ref):
        return "sha256:" + ref

    def settings(self):
        return {"offline": True}


def test_a_warm_run_builds_nothing_and_an_edit_rebuilds_only_that_job(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.go").write_text("package main\n")
    jobs = [BuildJob(f"docs/p.md:{n}", TEXT.replace("/app", f"/app{n}"), tmp_path / "app") for n in range(4)]
    builder, cache = CountingBuilder(), BuildCache(tmp_path / "cache")
    first = run_jobs(jobs, [Engine(builder)], cache)
    assert (first.builds, first.cached) == (4, set())
    warm = run_jobs(jobs, [Engine(builder)], BuildCache(tmp_path / "cache"))
    assert (warm.builds, warm.cached) == (0, {0, 1, 2, 3})
    assert all(o.cached for o in warm.outcomes) and not any(o.cached for o in first.outcomes)
    assert [replace(o, cached=False) for o in warm.outcomes] == first.outcomes
    jobs[2] = replace(jobs[2], dockerfile=jobs[2].dockerfile + "USER 65534\n")
    edited = run_jobs(jobs, [Engine(builder)], BuildCache(tmp_path / "cache"))
    assert edited.builds == 1 and builder.built[-1] == "docs/p.md:2" and len(builder.built) == 5


def test_the_same_example_on_two_pages_is_built_once_per_run(tmp_path):
    (tmp_path / "app").mkdir()
    jobs = [BuildJob("docs/a.md:3", TEXT, tmp_path / "app"), BuildJob("docs/b.md:9", TEXT, tmp_path / "app")]
    builder = CountingBuilder()
    result = run_jobs(jobs, [Engine(builder)], BuildCache(tmp_path / "cache"))
    assert result.builds == 1 and builder.built == ["docs/a.md:3"] and result.outcomes[0] == result.outcomes[1]


def test_engine_trouble_is_told_apart_from_a_broken_example():
    from snipcheck.builder.buildlog import engine_trouble

    assert engine_trouble("failed to create endpoint x on network bridge: could not find bridge docker0")
    assert engine_trouble("Cannot connect to the Docker daemon at unix:///tmp/e0/docker.sock")
    assert not engine_trouble('failed to compute cache key: "/out/tinyserver" not found')
