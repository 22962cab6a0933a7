"""`snipcheck check Dockerfile` imports only what it needs: no MkDocs, Material, Pygments or Markdown."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from snipcheck.checker import BUILD_RULE_IDS
from snipcheck.rules.meta.build_failed import build_failed
from snipcheck.rules.meta.run_failed import run_failed
from snipcheck.rules.meta.build_limit_exceeded import build_limit_exceeded
from snipcheck.rules.meta.build_refused import build_refused
from snipcheck.rules.meta.networked_build import networked_build

HEAVY = ("mkdocs", "material", "pygments", "markdown", "pymdownx", "yaml", "click")
PROBE = """
import atexit, json, runpy, sys
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
sys.argv = ["snipcheck", *sys.argv[2:]]
runpy.run_module("snipcheck.cli", run_name="__main__")
"""


def imported_by(tmp_path, *args) -> set[str]:
    out = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", PROBE, str(out), *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return {name.split(".")[0] for name in json.loads(out.read_text())}


@pytest.mark.parametrize("cache", ["--cache", "--no-cache"])
def test_checking_a_dockerfile_imports_no_site_machinery(tmp_path, cache):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nRUN apk add curl\nUSER 65534:65534\n")
    modules = imported_by(tmp_path, "check", cache, "Dockerfile")
    assert "snipcheck" in modules
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_a_warm_cache_imports_neither_the_checker_nor_the_rules(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nRUN apk add curl\nUSER 65534:65534\n")
    args = ("check", "--format", "json", "Dockerfile")
    imported_by(tmp_path, *args)  # fills the cache (the test's own XDG cache is not isolated: any state works)
    out = tmp_path / "m.json"
    subprocess.run([sys.executable, "-c", PROBE, str(out), *args], cwd=tmp_path, capture_output=True, timeout=120)
    modules = set(json.loads(out.read_text()))
    assert "snipcheck.results" in modules  # it did report results
    assert "snipcheck.checker" not in modules and "snipcheck.rules" not in modules  # none of them checked here
    # neither a process pool nor the lifecycle table is needed for a cache hit
    assert not modules & {"multiprocessing", "concurrent.futures.process", "tomllib"}, \
        sorted(modules & {"multiprocessing", "concurrent.futures.process", "tomllib"})


def test_markdown_is_imported_when_there_is_markdown(tmp_path):
    (tmp_path / "page.md").write_text("# P\n\n```dockerfile\nFROM alpine:3.20\nUSER 1:1\n```\n")
    assert "markdown" in imported_by(tmp_path, "check", "--no-cache", "page.md")


def test_build_rule_ids_name_the_build_rules():
    assert BUILD_RULE_IDS == {r.id for r in (build_failed, run_failed, build_refused, build_limit_exceeded, networked_build)}


def test_checking_a_dockerfile_imports_only_the_rules_that_may_fire(tmp_path):
    """Rules are known from rules/catalog.py; a rule's module loads when its requires= words occur."""
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nUSER 65534:65534\n")
    out = tmp_path / "m.json"
    done = subprocess.run([sys.executable, "-c", PROBE, str(out), "check", "--no-cache", "Dockerfile"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1) and "1 snippet(s)" in done.stdout, done.stderr
    modules = set(json.loads(out.read_text()))
    rule_modules = {m for m in modules if m.count(".") == 3 and m.startswith("snipcheck.rules.")}
    assert "snipcheck.rules.users.user_not_numeric" in rule_modules  # "user" occurs: it ran
    assert "snipcheck.rules.hadolint.apt_get_install_without_yes" not in rule_modules  # no "apt" anywhere
    assert "snipcheck.rules.go.go_build_without_strip_flags" not in rule_modules  # no "go"
    assert "snipcheck.rules.meta.parse_error" in rule_modules  # ungated: it ran
    assert "snipcheck.rules.meta.build_failed" not in rule_modules  # reported by the real build, not a check
    from snipcheck.rules import ALL_RULES

    assert 0 < len(rule_modules) < len(ALL_RULES) / 2, sorted(rule_modules)
