"""pagecache: the generated rule pages kept between builds, so a build with a warm cache imports no
rule module (each page needs its rule's docstring)."""

import json
import subprocess
import sys

from snipcheck.pagecache import KEEP, cached_rule_pages
from snipcheck.registry import RuleSet
from snipcheck.rulepages import rule_pages

FRESH = """
import json, sys
from snipcheck.pagecache import cached_rule_pages
from snipcheck.registry import RuleSet
from pathlib import Path
from snipcheck.rulepages import nav_sections
nav_sections(RuleSet().all)  # the navigation names each rule's family: from the family package alone
pages = cached_rule_pages(RuleSet().all, lambda path: path != "caching.md", Path(sys.argv[1]))
loaded = sorted(m for m in sys.modules if m.count(".") == 3 and m.startswith("snipcheck.rules."))
print(json.dumps({"pages": pages, "loaded": loaded}))
"""


def fresh_process(folder) -> dict:
    done = subprocess.run([sys.executable, "-c", FRESH, str(folder)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_second_build_reads_the_pages_and_imports_no_rule(tmp_path):
    folder = tmp_path / "pages"
    first = fresh_process(folder)
    assert first["loaded"]  # writing them imported the rules
    second = fresh_process(folder)
    assert second["loaded"] == []
    assert second["pages"] == first["pages"] == rule_pages(RuleSet().all, lambda path: path != "caching.md")


def test_which_guide_pages_exist_is_part_of_the_key(tmp_path):
    folder = tmp_path / "pages"
    rules = RuleSet().all
    with_guide = cached_rule_pages(rules, lambda path: True, folder)
    without = cached_rule_pages(rules, lambda path: False, folder)
    assert with_guide != without and without == rule_pages(rules, lambda path: False)
    assert len(list(folder.glob("*.json"))) == 2


def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path):
    folder = tmp_path / "pages"
    rules = RuleSet().all
    expected = cached_rule_pages(rules, lambda path: True, folder)
    (entry,) = folder.glob("*.json")
    entry.write_text('{"rules/index.md": 1', encoding="utf-8")
    assert cached_rule_pages(rules, lambda path: True, folder) == expected
    assert json.loads(entry.read_text(encoding="utf-8")) == expected


def test_only_the_newest_entries_are_kept_and_no_folder_means_no_cache(tmp_path):
    folder = tmp_path / "pages"
    rules = RuleSet().all
    guides = sorted({r.guide.partition("#")[0] for r in rules if r.guide})
    for n in range(KEEP + 2):  # each a different set of existing guide pages: a different key
        cached_rule_pages(rules, lambda path, n=n: path in guides[:n], folder)
    assert len(list(folder.glob("*.json"))) == KEEP
    assert cached_rule_pages(rules, lambda path: True, None) == rule_pages(rules, lambda path: True)
