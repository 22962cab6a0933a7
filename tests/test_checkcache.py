"""The persistent check cache: reuse across runs, exact invalidation, two processes, deletion, size cap."""

import json
import os
import shutil
import subprocess
import sys
import time
from snipcheck.records import replace
from pathlib import Path

from rulecount import counting_rule_calls

from snipcheck.batch import check_many
from snipcheck import checkcache
from snipcheck.checkcache import (PACKAGE, CheckCache, checker_fingerprint, decode, encode, source_fingerprint,
                                  stat_signature)
from snipcheck.checker import check_snippet
from snipcheck.collect import collect
from snipcheck.config import Config
from snipcheck.registry import RuleSet
from snipcheck.report.json import as_dict
from snipcheck.run import check_paths, check_paths_with_stats, project_config, snippet_bases
from snipcheck.rulekit import rule
from snipcheck.severity import Severity

ROOT = Path(__file__).resolve().parents[1]
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
PAGE = """# Page

```dockerfile
FROM alpine:3.24
USER 65534:65534
```

```dockerfile expect="DG201"
FROM alpine:latest
USER 65534:65534
```

```dockerfile
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl
```
"""


def site_snippets(config):
    return collect([str(ROOT / "docs")], ROOT, snippet_bases(ROOT, config), RuleSet(config).ids).snippets


def test_encoded_results_decode_to_the_same_results_for_every_site_snippet():
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    snippets = site_snippets(config)
    assert len(snippets) > 50
    for snippet in snippets:
        result = check_snippet(snippet, ruleset, config)
        assert decode(json.loads(json.dumps(encode(result))), snippet, config) == result


def test_second_run_does_no_rule_work_and_gives_the_same_report(tmp_path):
    config = replace(project_config(ROOT), cache_dir=str(tmp_path))
    with counting_rule_calls() as calls:
        first, stats = check_paths_with_stats([str(ROOT / "docs")], ROOT, config)
    assert sum(calls.values()) > 1000 and stats.checked == len(first.results)
    with counting_rule_calls() as calls:
        second, stats = check_paths_with_stats([str(ROOT / "docs")], ROOT, config)
    assert calls == {} and stats.checked == 0 and stats.from_disk == len(first.results)
    assert as_dict(second) == as_dict(first)


def test_one_edited_snippet_costs_one_snippet_and_moved_ones_keep_true_lines(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    config = Config(cache_dir=str(tmp_path / "cache"))
    check_paths([str(page)], tmp_path, config)
    # edit the third snippet and push every snippet two lines down
    page.write_text("Intro.\n\n" + PAGE.replace("install -y curl", "install -y wget"))
    with counting_rule_calls() as calls:
        cached, stats = check_paths_with_stats([str(page)], tmp_path, config)
    rules_per_snippet = len(RuleSet(config).rules)
    assert stats.checked == 1 and stats.from_disk == 2
    assert 0 < sum(calls.values()) <= rules_per_snippet
    fresh = check_paths([str(page)], tmp_path, replace(config, cache=False))
    assert as_dict(cached) == as_dict(fresh)
    assert [r.snippet.lines[0].line for r in cached.results] == [6, 11, 16]


def test_configuration_and_checker_source_are_part_of_the_key(tmp_path):
    config = Config(cache_dir=str(tmp_path / "cache"))
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    check_paths([str(page)], tmp_path, config)
    report, stats = check_paths_with_stats([str(page)], tmp_path, replace(config, ignore=("DG209",)))
    assert stats.checked == 3 and "DG209" not in {f.rule for f in report.all_findings()}
    assert check_paths_with_stats([str(page)], tmp_path, replace(config, fail_on=config.fail_on))[1].checked == 0
    package = shutil.copytree(ROOT / "hooks" / "snipcheck", tmp_path / "pkg",
                              ignore=shutil.ignore_patterns("__pycache__"))
    before = source_fingerprint(package)
    assert before == source_fingerprint(PACKAGE) == checker_fingerprint()
    rule_file = package / "rules" / "buildkit" / "from_as_casing.py"
    rule_file.write_text(rule_file.read_text() + "\n# changed\n")
    assert source_fingerprint(package) != before


def test_the_fingerprint_is_remembered_under_the_sources_stat_signature(tmp_path, monkeypatch):
    """A run reads the checker's fingerprint from the cache folder while no source file changed
    (size or modification time); a memo for other sources is ignored, never trusted."""
    package = shutil.copytree(ROOT / "hooks" / "snipcheck", tmp_path / "pkg",
                              ignore=shutil.ignore_patterns("__pycache__"))
    before = stat_signature(package)
    rule_file = package / "rules" / "buildkit" / "from_as_casing.py"
    os.utime(rule_file, ns=(rule_file.stat().st_atime_ns, rule_file.stat().st_mtime_ns + 1_000_000))
    assert stat_signature(package) != before  # touched: same bytes, new time
    folder = tmp_path / "cache"
    monkeypatch.setattr(checkcache, "_fingerprint", [])
    assert checker_fingerprint(folder) == source_fingerprint(PACKAGE)
    memo = json.loads((folder / ".checker-fingerprint.json").read_text())
    assert memo == {"signature": stat_signature(PACKAGE), "fingerprint": source_fingerprint(PACKAGE)}
    (folder / ".checker-fingerprint.json").write_text(json.dumps({**memo, "fingerprint": "remembered"}))
    monkeypatch.setattr(checkcache, "_fingerprint", [])
    assert checker_fingerprint(folder) == "remembered"  # read, not recomputed
    (folder / ".checker-fingerprint.json").write_text(json.dumps({"signature": "other", "fingerprint": "forged"}))
    monkeypatch.setattr(checkcache, "_fingerprint", [])
    assert checker_fingerprint(folder) == source_fingerprint(PACKAGE)
    (folder / ".checker-fingerprint.json").write_text("[not json")
    monkeypatch.setattr(checkcache, "_fingerprint", [])
    assert checker_fingerprint(folder) == source_fingerprint(PACKAGE)


def test_no_cache_writes_nothing(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    # Every rule on every snippet: short snippets are excerpts by default, which skip whole-image rules.
    for config in (Config(cache_dir=str(tmp_path / "cache"), cache=False, whole_image_rules_on_excerpts=True),
                   Config().with_values({"cache": "false", "cache_dir": str(tmp_path / "cache"),
                                         "whole_image_rules_on_excerpts": True}, "test")):
        with counting_rule_calls() as calls:
            check_paths([str(page)], tmp_path, config)
            check_paths([str(page)], tmp_path, config)
        assert sum(calls.values()) == 2 * (3 * len(RuleSet(config).rules) - _gated_skips(config))
    r = subprocess.run([SNIPCHECK, "check", "--no-cache", str(page)], capture_output=True, text=True, cwd=tmp_path,
                       env={**os.environ, "SNIPCHECK_CACHE_DIR": str(tmp_path / "cache")}, timeout=120)
    assert r.returncode == 0 and "DG209 info" in r.stdout  # unpinned apt packages: info by default
    assert not (tmp_path / "cache").exists()


def _gated_skips(config):
    """Rule calls the checker leaves out on PAGE's snippets: a rule whose `requires=` words a snippet
    lacks (PAGE has no fragments, so no rule is skipped for that)."""
    from snipcheck.parser import parse
    from snipcheck.rulekit import gate_text

    ruleset = RuleSet(config)
    texts = [block.split("\n", 1)[1].split("```")[0] for block in PAGE.split("```dockerfile")[1:]]
    present = [ruleset.gate_words_in(gate_text(parse(text))) for text in texts]
    return sum(not rule.may_fire_on(words) for words in present for rule in ruleset.rules)


def test_damaged_entries_are_misses_and_get_rewritten(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    config = Config(cache_dir=str(tmp_path / "cache"))
    expected = as_dict(check_paths([str(page)], tmp_path, config))
    entries = sorted((tmp_path / "cache" / "checks").glob("*/*"))
    assert len(entries) == 3
    entries[0].write_text('[["DG2')  # a torn write from a crashed process
    entries[1].write_text('{"format": "1"}')
    report, stats = check_paths_with_stats([str(page)], tmp_path, config)
    assert as_dict(report) == expected and stats.checked == 2
    assert check_paths_with_stats([str(page)], tmp_path, config)[1].checked == 0


def test_cache_deleted_in_the_middle_of_a_run(tmp_path):
    """A rule that deletes the cache folder while the run is half way: same results, no error."""
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = site_snippets(config)
    folder = tmp_path / "cache" / "checks"
    seen = []

    @rule(id="DG999", name="deletes-the-cache", severity="info", summary="test only")
    def deleting(df, ctx):
        seen.append(1)
        if len(seen) == len(snippets) // 2:
            shutil.rmtree(folder)
        return ()

    ruleset = RuleSet(config, all_rules=RuleSet().all + (deleting,))
    cache = CheckCache.for_config(config)
    check_many(snippets[: len(snippets) // 4], ruleset, config, cache)  # some entries exist before
    assert folder.is_dir()
    results, stats = check_many(snippets, ruleset, config, CheckCache.for_config(config))
    assert not folder.exists() or len(list(folder.glob("*/*"))) < len(snippets)
    plain = [check_snippet(s, RuleSet(config), config) for s in snippets]
    assert results == plain
    again, stats = check_many(snippets, RuleSet(config), config, CheckCache.for_config(config))
    assert again == plain and stats.from_disk < len(snippets)  # entries written after the deletion are back


def test_two_processes_share_one_cache(tmp_path):
    env = {**os.environ, "SNIPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    argv = [SNIPCHECK, "check", "--format", "json", "--jobs", "1", "docs"]
    reference = subprocess.run([*argv, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    procs = [subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for (out, err), p in zip(outputs, procs):
        assert p.returncode == reference.returncode and not err
        assert out == reference.stdout
    checks = tmp_path / "cache" / "checks"
    bundle, = (checks / checkcache.BUNDLES).glob("*.json")  # the guide's 91 snippets: its project's bundle
    entries = json.loads(bundle.read_text())["entries"]
    assert entries and all(isinstance(json.loads(text)["findings"], list) for text in entries.values())
    assert not list(checks.glob("*/.tmp-*"))
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    assert check_paths_with_stats(["docs"], ROOT, config)[1].checked == 0


def test_a_big_cli_run_keeps_a_bundle_and_a_small_one_a_file_per_snippet(tmp_path):
    """Creating a small file costs our CI machines about 0.5 ms: a run of run.BUNDLE_MIN snippets or
    more writes one file for its project, as a site's build does; a pre-commit run of a few files
    writes only theirs, and reads no big bundle."""
    from snipcheck.run import BUNDLE_MIN

    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    checks = tmp_path / "cache" / "checks"
    report, stats = check_paths_with_stats([str(ROOT / "docs")], ROOT, config)
    assert stats.checked >= BUNDLE_MIN and _entry_files(checks) == []
    assert len(list((checks / checkcache.BUNDLES).glob("*.json"))) == 1
    with counting_rule_calls() as calls:
        again, stats = check_paths_with_stats([str(ROOT / "docs")], ROOT, config)
    assert as_dict(again) == as_dict(report) and calls == {} and stats.checked == 0
    page = ROOT / "docs" / "index.md"
    small, stats = check_paths_with_stats([str(page)], ROOT, config)
    assert 0 < len(small.results) < BUNDLE_MIN and stats.checked == len(small.results)  # the bundle is not read
    assert len(_entry_files(checks)) == len(small.results)


def test_size_cap_drops_least_recently_used_entries(tmp_path):
    config = Config(cache_dir=str(tmp_path))
    ruleset = RuleSet(config)
    cache = CheckCache.for_config(config)
    unique = {cache.key(s): s for s in reversed(site_snippets(project_config(ROOT)))}
    snippets = list(unique.values())[:10]
    check_many(snippets, ruleset, config, cache)
    paths = [cache.folder / k[:2] / k[2:] for k in map(cache.key, snippets)]
    old = time.time() - 86400
    for n, path in enumerate(paths):  # entry n was last used n minutes after a day ago
        os.utime(path, (old + 60 * n, old + 60 * n))
    assert cache.get(snippets[0]) is not None  # a use makes entry 0 the most recent
    sizes = [p.stat().st_blocks * 512 for p in paths]
    cache.max_bytes = sum(sizes) - 1
    dropped = cache.trim()
    kept = [p.exists() for p in paths]
    assert kept[0] and dropped == kept.count(False) > 0
    assert kept == [True] + [False] * (dropped) + [True] * (9 - dropped)
    assert sum(s for s, k in zip(sizes, kept) if k) <= cache.max_bytes * 0.8


# -- a site's bundle: one file holding the entries of the site's last run ------------------------------

def _bundled_run(config, snippets, site=ROOT, memo=None):
    return check_many(snippets, RuleSet(config), config, CheckCache.for_config(config, site=site), memo=memo)


def _entry_files(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*/*") if p.parent.name != checkcache.BUNDLES]


def test_a_sites_bundle_serves_a_warm_run_alone_and_an_unchanged_run_does_not_rewrite_it(tmp_path):
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = site_snippets(config)
    first, stats = _bundled_run(config, snippets)
    assert stats.checked == len(snippets)
    folder = tmp_path / "cache" / "checks"
    bundle, = (folder / checkcache.BUNDLES).glob("*.json")
    assert _entry_files(folder) == []  # a site's results go to its bundle only: one file, not one per snippet
    written = bundle.stat().st_ino
    with counting_rule_calls() as calls:
        again, stats = _bundled_run(config, snippets)
    assert again == first and calls == {} and stats.from_disk == len(snippets)
    assert bundle.stat().st_ino == written  # nothing changed: not written again


def test_a_site_at_a_new_path_reuses_the_bundle_of_the_same_configuration(tmp_path):
    """A CI job that restores the cache into another checkout folder: the old path's bundle serves."""
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = site_snippets(config)[:30]
    first, _ = _bundled_run(config, snippets)
    with counting_rule_calls() as calls:
        moved, stats = _bundled_run(config, snippets, site=tmp_path / "moved")
    assert moved == first and calls == {} and stats.from_disk == len(snippets)
    assert len(list((tmp_path / "cache" / "checks" / checkcache.BUNDLES).glob("*.json"))) == 2  # its own now
    strict = replace(config, fail_on=Severity.INFO)  # another configuration borrows nothing
    assert _bundled_run(strict, snippets, site=tmp_path / "moved-again")[1].checked == len(snippets)


def test_a_bundle_keeps_the_entries_a_build_left_unused_for_a_few_builds(tmp_path):
    """A build of part of the site (another language's build, a page left out, an edited snippet's old
    text) does not lose the rest: it stays KEEP_IDLE_RUNS builds, then goes."""
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = [replace(s, text=f"{s.text}# {n}\n") for n, s in enumerate(site_snippets(config)[:12])]  # 12 keys
    whole, part = snippets, snippets[:4]
    _bundled_run(config, whole)
    for _ in range(checkcache.KEEP_IDLE_RUNS - 1):
        assert _bundled_run(config, part)[1].checked == 0
    with counting_rule_calls() as calls:
        assert _bundled_run(config, whole)[1].from_disk == len(whole)
    assert calls == {}
    bundle, = (tmp_path / "cache" / "checks" / checkcache.BUNDLES).glob("*.json")
    assert "idle" not in json.loads(bundle.read_text())  # every entry used again: none counted unused
    for _ in range(checkcache.KEEP_IDLE_RUNS - 1):
        _bundled_run(config, part)
    assert len(json.loads(bundle.read_text())["entries"]) == len(whole)  # the count started again
    _bundled_run(config, part)
    assert len(json.loads(bundle.read_text())["entries"]) == len(part)
    assert _bundled_run(config, whole)[1].checked == len(whole) - len(part)


def test_a_damaged_bundle_costs_its_snippets_a_check_and_is_written_again(tmp_path):
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = site_snippets(config)[:20]
    expected, _ = _bundled_run(config, snippets)
    bundle, = (tmp_path / "cache" / "checks" / checkcache.BUNDLES).glob("*.json")
    good = json.loads(bundle.read_text())
    key = next(iter(good["entries"]))

    def with_entry(value: str) -> str:
        return json.dumps({**good, "entries": {**good["entries"], key: value}})

    damaged = [b"", b"\x00\xff", b"[]", "[" * 100_000 + "]" * 100_000, b'{"format": "1", "entries": []}', json.dumps({**good, "format": "0"}),
               with_entry("{not json"), with_entry('{"findings": 7}'), with_entry('{"findings": [[1, 2]]}'),
               with_entry("[" * 100_000 + "]" * 100_000), json.dumps({**good, "entries": {key: 5}})]
    for content in damaged:
        bundle.write_bytes(content if isinstance(content, bytes) else content.encode())
        again, stats = _bundled_run(config, snippets)
        assert again == expected and stats.from_disk + stats.checked == len(snippets), content[:40]
        assert json.loads(bundle.read_text()) == good  # written again from the entries used
    for idle in ({key: "x"}, {key: True}, [1], "x"):  # counts of unused builds that make no sense: ignored
        bundle.write_text(json.dumps({**good, "idle": idle}))
        with counting_rule_calls() as calls:
            assert _bundled_run(config, snippets)[0] == expected and calls == {}
    # the entry files of a run without a site (the CLI) serve what a damaged bundle lost
    check_many(snippets, RuleSet(config), config, CheckCache.for_config(config))
    bundle.write_bytes(b"")
    with counting_rule_calls() as calls:
        again, stats = _bundled_run(config, snippets)
    assert again == expected and calls == {} and stats.from_disk == len(snippets)


def test_results_served_from_memory_age_nothing_and_the_new_ones_join_the_bundle(tmp_path):
    """`mkdocs serve` rebuilds serve most results from memory, past the cache: which bundle entries
    they were is not known, so none is counted unused; the one result checked again is added."""
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = [replace(s, text=f"{s.text}# {n}\n") for n, s in enumerate(site_snippets(config)[:20])]  # 20 keys
    memo: dict = {}
    _bundled_run(config, snippets, memo=memo)
    bundle, = (tmp_path / "cache" / "checks" / checkcache.BUNDLES).glob("*.json")
    before = json.loads(bundle.read_text())
    edited = [replace(snippets[0], text=snippets[0].text + "# edited\n"), *snippets[1:]]
    for _ in range(checkcache.KEEP_IDLE_RUNS + 1):
        assert _bundled_run(config, edited, memo=memo)[1].checked <= 1
    after = json.loads(bundle.read_text())
    assert after["entries"].items() >= before["entries"].items() and len(after["entries"]) == 21
    assert "idle" not in after
    written = bundle.stat().st_ino
    _bundled_run(config, edited, memo=memo)  # nothing new: not written again
    assert bundle.stat().st_ino == written
    with counting_rule_calls() as calls:  # a new process: the edited snippet's result is in the bundle
        assert _bundled_run(config, edited)[1].from_disk == len(edited)
    assert calls == {}


def test_trimming_leaves_the_bundles_and_only_the_newest_bundles_are_kept(tmp_path):
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    snippets = site_snippets(config)[:3]
    for n in range(checkcache.KEEP_BUNDLES + 2):
        _bundled_run(config, snippets, site=tmp_path / f"site-{n}")
    bundles = tmp_path / "cache" / "checks" / checkcache.BUNDLES
    assert len(list(bundles.glob("*.json"))) == checkcache.KEEP_BUNDLES
    check_many(snippets, RuleSet(config), config, CheckCache.for_config(config))  # entry files: no site
    cache = CheckCache.for_config(config)
    cache.max_bytes = 1
    assert cache.trim() > 0
    assert _entry_files(cache.folder) == []
    assert len(list(bundles.glob("*.json"))) == checkcache.KEEP_BUNDLES


def test_two_configurations_of_one_site_keep_a_bundle_each(tmp_path):
    config = replace(project_config(ROOT), cache_dir=str(tmp_path / "cache"))
    strict = replace(config, fail_on=Severity.INFO)
    snippets = site_snippets(config)[:10]
    for settings in (config, strict, config):
        _bundled_run(settings, snippets)
    bundles = sorted((tmp_path / "cache" / "checks" / checkcache.BUNDLES).glob("*.json"))
    assert len(bundles) == 2
    written = [b.stat().st_ino for b in bundles]
    _bundled_run(strict, snippets)
    assert [b.stat().st_ino for b in bundles] == written  # neither written again
