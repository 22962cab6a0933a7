"""Checking in a process pool gives the same results, in the same order, as a serial run."""

import os
import subprocess
import sys
from snipcheck.records import replace
from pathlib import Path

from snipcheck.batch import check_many
from snipcheck.collect import collect
from snipcheck.config import Config
from snipcheck.parallel import worker_count
from snipcheck.registry import RuleSet
from snipcheck.run import project_config, snippet_bases

ROOT = Path(__file__).resolve().parents[1]
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")


def test_pool_results_equal_serial_results_in_order():
    config = replace(project_config(ROOT), cache=False, parallel_min=2)
    ruleset = RuleSet(config)
    snippets = collect([str(ROOT / "docs")], ROOT, snippet_bases(ROOT, config), ruleset.ids).snippets
    snippets = snippets + snippets[::-1]  # more than one chunk per worker, duplicates included
    serial, serial_stats = check_many(snippets, ruleset, replace(config, jobs=1))
    pooled, pool_stats = check_many(snippets, ruleset, replace(config, jobs=2))
    assert serial_stats.workers == 1 and pool_stats.workers == 2
    assert pooled == serial
    assert [r.snippet for r in pooled] == snippets


def test_small_batches_stay_in_process():
    threshold = Config().parallel_min
    assert worker_count(Config(jobs=4), threshold - 1) == 1
    assert worker_count(Config(jobs=4), threshold) == 4
    assert worker_count(Config(jobs=1), 10_000) == 1
    assert worker_count(Config(jobs=8, parallel_min=2), 60) == 2  # at least 25 snippets a worker


def test_cli_output_is_identical_serial_and_parallel():
    env = {**os.environ, "SNIPCHECK_PARALLEL_MIN": "2"}
    outputs = {}
    for jobs in ("1", "2"):
        for fmt in ("text", "json", "sarif"):
            r = subprocess.run([SNIPCHECK, "check", "--no-cache", "--verbose", "--jobs", jobs, "--format", fmt, "docs"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
            assert r.returncode == 0 and f"in {jobs} process(es)" in r.stderr, r.stderr
            outputs[jobs, fmt] = r.stdout
    for fmt in ("text", "json", "sarif"):
        assert outputs["1", fmt] == outputs["2", fmt]


def test_pool_without_fork_sends_the_snippets_and_gives_the_same_results():
    """With a thread running (as under `mkdocs serve`), workers are not forked: they cannot hold the
    parent's snippets, so the snippets travel to them; the results are the same, in order."""
    import threading

    from snipcheck import parallel

    config = replace(project_config(ROOT), cache=False, parallel_min=2)
    ruleset = RuleSet(config)
    snippets = collect([str(ROOT / "docs")], ROOT, snippet_bases(ROOT, config), ruleset.ids).snippets[:60]
    serial, _ = check_many(snippets, ruleset, replace(config, jobs=1))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel._context().get_start_method() != "fork"
        pooled, stats = check_many(snippets, ruleset, replace(config, jobs=2))
    finally:
        stop.set()
        thread.join()
    assert stats.workers == 2 and pooled == serial


def test_a_pool_that_breaks_keeps_the_results_it_sent_and_the_rest_are_checked_here(monkeypatch, tmp_path):
    """Results are taken (decoded, stored in the cache) as each task ends, while the workers go on; a
    worker that dies late costs only the snippets not yet sent back, checked then in this process."""
    from snipcheck import parallel
    from snipcheck.checkcache import CheckCache

    config = replace(project_config(ROOT), parallel_min=2, cache_dir=str(tmp_path / "cache"))
    ruleset = RuleSet(config)
    snippets = collect([str(ROOT / "docs")], ROOT, snippet_bases(ROOT, config), ruleset.ids).snippets
    snippets = [replace(s, text=f"{s.text}# {n}\n") for n, s in enumerate(snippets * 2)]  # every key unique
    serial, _ = check_many(snippets, ruleset, replace(config, jobs=1, cache=False))
    victim, check_one = snippets[-3], parallel._check_one
    monkeypatch.setattr(parallel, "_check_one", lambda s: os._exit(3) if s is victim else check_one(s))
    pooled, stats = check_many(snippets, ruleset, replace(config, jobs=2), CheckCache.for_config(config))
    assert pooled == serial
    assert stats.workers == 2 and stats.checked == len(snippets)  # a first part came from the pool
    monkeypatch.undo()
    again, stats = check_many(snippets, ruleset, config, CheckCache.for_config(config))
    assert again == serial and stats.from_disk == len(snippets)  # each result was stored, wherever checked
