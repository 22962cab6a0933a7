"""Checking in a forked process while the site renders (alongside.py): the same results, in the same
order, as checking first; the rest checked here when the process fails; none where forking is unsafe;
and a site built either way is the same site, with the same log."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from snipcheck import alongside
from snipcheck.batch import Batch, check_many
from snipcheck.collect import collect
from snipcheck.config import Config
from snipcheck.records import replace
from snipcheck.registry import RuleSet
from snipcheck.run import project_config, snippet_bases

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
sys.path.insert(0, str(ROOT / "tools"))


def _in_a_fresh_process(probe: str, *args: str, **env: str) -> dict:
    """Run `probe` (a function of this file) in a new interpreter and return what it printed (JSON).

    The checker forks only in a process that runs one thread; a test runner's worker may run more
    (pytest-xdist's), where it rightly would not: so the probes run in a process of their own."""
    done = subprocess.run([sys.executable, __file__, probe, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "SNIPCHECK_JOBS": "0", **env})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _site_snippets(config: Config):
    ruleset = RuleSet(config)
    return collect([str(ROOT / "docs")], ROOT, snippet_bases(ROOT, config), ruleset.ids).snippets, ruleset


def _serial_and_started() -> tuple:
    """The site's snippets, their results checked serially, and a Batch of them checking alongside."""
    config = replace(project_config(ROOT), cache=False)
    snippets, ruleset = _site_snippets(config)
    serial, _ = check_many(snippets, ruleset, replace(config, jobs=1))
    batch = Batch(snippets, ruleset, config)
    return snippets, serial, batch, batch.check_alongside()


def probe_in_order() -> dict:
    snippets, serial, batch, started = _serial_and_started()
    last_first = batch.result(len(snippets) - 1) == serial[-1]  # waits for the last: the others come too
    first = batch.result(0) == serial[0]
    every = batch.results() == serial and [r.snippet for r in serial] == snippets
    return {"started": started, "alongside": batch.stats.alongside, "last_first": last_first, "first": first,
            "every": every, "checked": batch.stats.checked, "snippets": len(snippets),
            "children_left": len(multiprocessing.active_children())}


def test_results_come_back_in_order_and_equal_a_serial_run():
    found = _in_a_fresh_process("probe_in_order")
    assert found["snippets"] > 50
    assert found == {"started": True, "alongside": True, "last_first": True, "first": True, "every": True,
                     "checked": found["snippets"], "snippets": found["snippets"], "children_left": 0}


def probe_child_dies() -> dict:
    _, serial, batch, started = _serial_and_started()
    first = batch.result(0) == serial[0]
    pid = batch._stream.process.pid
    os.kill(pid, 9)  # a real failure of the real process, mid-way
    return {"started": started, "first": first, "every": batch.results() == serial,
            "children_left": len(multiprocessing.active_children())}


def test_a_child_that_dies_leaves_the_rest_to_be_checked_here():
    assert _in_a_fresh_process("probe_child_dies") == {"started": True, "first": True, "every": True,
                                                        "children_left": 0}


def probe_cache(folder: str) -> dict:
    from snipcheck.checkcache import CheckCache

    config = replace(project_config(ROOT), cache_dir=folder)
    snippets, ruleset = _site_snippets(config)
    batch = Batch(snippets, ruleset, config, CheckCache.for_config(config))
    started = batch.check_alongside()
    first = batch.results()
    again, stats = check_many(snippets, RuleSet(config), config, CheckCache.for_config(config))
    return {"started": started, "same": again == first, "checked": stats.checked,
            "reused_all": stats.reused == len(snippets)}


def test_the_results_received_are_stored_in_the_cache(tmp_path):
    assert _in_a_fresh_process("probe_cache", str(tmp_path / "cache")) == {"started": True, "same": True,
                                                                          "checked": 0, "reused_all": True}


def test_no_process_where_forking_is_unsafe_or_not_asked_for():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # as `mkdocs serve` runs one
    thread.start()
    try:
        assert not alongside.possible(Config(), 100)
    finally:
        stop.set()
        thread.join()
    found = _in_a_fresh_process("probe_possible")
    assert found == {"default": True, "few": False, "jobs_1": False}


def probe_possible() -> dict:
    return {"default": alongside.possible(Config(), 100),
            "few": alongside.possible(Config(), alongside.MIN_SNIPPETS - 1),
            "jobs_1": alongside.possible(Config(jobs=1), 100)}


def _build(site: Path, out: Path, jobs: str, *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0", "SNIPCHECK_JOBS": jobs}
    return subprocess.run([MKDOCS, "build", *options, "-f", str(site), "-d", str(out)], capture_output=True,
                          text=True, env=env, cwd=site.parent)


def _pages(site_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(site_dir)): p.read_text(encoding="utf-8")
            for p in sorted(site_dir.rglob("*.html")) if "search" not in p.parts}


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory):
    from make_big_site import make_site

    out = tmp_path_factory.mktemp("alongside-site")
    site = make_site(out / "site", 12, 3)  # 36 blocks: checked alongside with the default jobs
    page = out / "site" / "docs" / "part-01" / "page-002.md"  # one block the checker fails on
    page.write_text(page.read_text(encoding="utf-8") + "\n```dockerfile\nFROM debian:13\nRUN apt-get install curl\n```\n",
                    encoding="utf-8")
    return site


def _log(done: subprocess.CompletedProcess) -> list[str]:
    return sorted(line for line in done.stderr.splitlines() if "snipcheck" in line or "DG" in line)


def test_a_site_built_alongside_is_the_site_built_after_checking(generated_site, tmp_path):
    first, alone = _build(generated_site, tmp_path / "first", "1"), _build(generated_site, tmp_path / "along", "0")
    assert first.returncode == alone.returncode == 0, alone.stderr
    assert "part-01/page-002.md:" in first.stderr  # the failing block is logged (a warning: not --strict)
    assert _log(first) == _log(alone)
    assert _pages(tmp_path / "first") == _pages(tmp_path / "along")
    reports = [json.loads((tmp_path / side / "checks" / "report.json").read_text()) for side in ("first", "along")]
    costs = [r["summary"].pop("cost") for r in reports]
    assert reports[0] == reports[1]
    assert [c["alongside"] for c in costs] == [False, True]
    assert costs[1]["checked"] == costs[0]["checked"] == reports[1]["summary"]["snippets"] > 36


def test_strict_fails_alike(generated_site, tmp_path):
    first = _build(generated_site, tmp_path / "first", "1", "--strict")
    alone = _build(generated_site, tmp_path / "along", "0", "--strict")
    assert first.returncode == alone.returncode == 1
    assert "Aborted with" in alone.stdout + alone.stderr and "part-01/page-002.md:" in alone.stderr
    assert _log(first) == _log(alone)


def probe_failed_build(config_file: str, site_dir: str, seen: str) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.CRITICAL)
    try:
        build(load_config(config_file, site_dir=site_dir))
        failed = False
    except Exception:  # noqa: BLE001 - the hook's failure, as MkDocs passes it on
        failed = True
    return {"failed": failed, "alongside_when_it_failed": Path(seen).read_text(),
            "children_left": len(multiprocessing.active_children())}


def test_a_failed_build_leaves_no_process_behind(generated_site, tmp_path):
    """A build that another hook fails on a page while the checks are still coming in: the checking
    process is stopped (on_build_error), none is left running."""
    seen = tmp_path / "seen"
    hook = generated_site.parent / "failing_hook.py"
    hook.write_text("from pathlib import Path\n\n\n"
                    "def on_page_markdown(markdown, page, config, **kwargs):\n"
                    "    if page.file.src_uri.endswith('page-003.md'):\n"
                    "        batch = config.plugins['snipcheck'].checks.batch\n"
                    f"        Path({str(seen)!r}).write_text(str(batch is not None and batch.stats.alongside))\n"
                    "        raise ValueError('a hook failed')\n"
                    "    return markdown\n", encoding="utf-8")
    config_file = generated_site.parent / "failing.yml"
    config_file.write_text(generated_site.read_text(encoding="utf-8") + f"\nhooks:\n  - {hook}\n", encoding="utf-8")
    found = _in_a_fresh_process("probe_failed_build", str(config_file), str(tmp_path / "site"), str(seen),
                                SNIPCHECK_CACHE="0")  # every snippet still to check when the hook fails
    assert found == {"failed": True, "alongside_when_it_failed": "True", "children_left": 0}


if __name__ == "__main__":
    print(json.dumps(globals()[sys.argv[1]](*sys.argv[2:])))


def test_ctrl_c_the_moment_the_checker_forks_aborts_the_build_quietly(tmp_path):
    """Ctrl-C (SIGINT to the process group, as a terminal sends it) the moment the checking process
    appears: the build aborts as MkDocs does, with no traceback from either process and none left.
    Sent then, it once interrupted the child's start-up (a traceback of its own) in most tries, and it
    could land in a finalizer of the parent's, which swallowed it and the build went on."""
    import signal
    import time

    env = {**os.environ, "SNIPCHECK_CACHE": "0", "SNIPCHECK_JOBS": "0", "NO_MKDOCS_2_WARNING": "1"}
    for attempt in range(10):
        build = subprocess.Popen([MKDOCS, "build", "-d", str(tmp_path / f"site-{attempt}")], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        children = Path(f"/proc/{build.pid}/task/{build.pid}/children")
        child = None
        for _ in range(2000):
            found = children.read_text().split() if children.exists() else []
            if found:
                child = int(found[0])
                break
            time.sleep(0.002)
        os.killpg(build.pid, signal.SIGINT)
        out, _ = build.communicate(timeout=120)
        assert child is not None, out  # the guide's 281 snippets are checked alongside
        assert build.returncode == 1 and "Aborted!" in out, out
        assert "Traceback" not in out and "Exception ignored" not in out, out
        assert not Path(f"/proc/{child}").exists() or Path(f"/proc/{child}/stat").read_text().split()[2] == "Z"
