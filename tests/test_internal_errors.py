"""A failure of the checker's own code on one input is a DG017 finding on that input, with its file
and line, never a traceback that ends the run and loses every other result; and never the failing
text itself (an exception's message may quote the snippet or an included file).

No input is known to crash the checker (tests/test_hostile_inputs.py holds the ones that did), so
the failure is put in on purpose: a rule whose check raises, added to the real rule set; for the
CLI and `mkdocs build`, the same through a `sitecustomize` module on PYTHONPATH of a real process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import snipcheck.checker as checker
import snipcheck.markdown as markdown
from snipcheck.batch import check_many
from snipcheck.checkcache import CheckCache
from snipcheck.checker import check_snippet, check_text
from snipcheck.config import Config
from snipcheck.registry import RuleSet
from snipcheck.rulekit import rule
from snipcheck.severity import Severity
from snipcheck.snippets import FenceOptions, snippet_from_dockerfile

BIN = Path(sys.executable).parent
SECRET = "CANARY-7f1e-snippet-text"
DOCKERFILE = f"FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n# {SECRET}\n"


@rule(id="DG999", name="fails-on-go", severity="info", summary="Fails on every Go snippet (a test rule).",
      requires=("golang",))
def fails_on_go(df, ctx):
    """A rule that fails the way a real bug can: with an error that quotes the snippet's text."""
    raise ValueError(f"cannot read {SECRET!r}")


def _rules_with_a_failing_one(config: Config = Config()) -> RuleSet:
    return RuleSet(config, all_rules=RuleSet().all + (fails_on_go,))


def test_a_failing_rule_is_one_finding_and_the_other_rules_still_run():
    config = Config()
    normal = check_text(DOCKERFILE, RuleSet(config), config)
    failed = check_text(DOCKERFILE, _rules_with_a_failing_one(config), config)
    assert {f.rule for f in normal.findings} and "DG017" not in {f.rule for f in normal.findings}
    assert {f.rule for f in failed.findings} == {f.rule for f in normal.findings} | {"DG017"}
    (crash,) = [f for f in failed.findings if f.rule == "DG017"]
    assert crash.severity is Severity.ERROR and failed.status == "fail"
    assert crash.location == failed.snippet.fence  # the snippet's own line, not nowhere
    assert "in rule DG999: ValueError" in crash.message and "the other rules ran" in crash.message
    assert SECRET not in crash.message


@rule(id="DG998", name="fails-midway", severity="warning", summary="Finds, then fails (a test rule).",
      requires=("golang",))
def fails_midway(df, ctx):
    """A rule that reports a finding and then fails on the same snippet."""
    from snipcheck.rulekit import Violation

    yield Violation(1, "a finding the rule made before it failed")
    raise ValueError("and then it failed")


def test_a_rule_that_fails_after_a_finding_is_the_failure_alone():
    """What a rule found before it failed is not kept: its one DG017 finding stands for it, and the
    other rules' findings are as they were."""
    config = Config()
    normal = check_text(DOCKERFILE, RuleSet(config), config)
    failed = check_text(DOCKERFILE, RuleSet(config, all_rules=RuleSet().all + (fails_midway,)), config)
    assert "DG998" not in {f.rule for f in failed.findings}
    assert [f for f in failed.findings if f.rule != "DG017"] == list(normal.findings)
    (crash,) = [f for f in failed.findings if f.rule == "DG017"]
    assert "in rule DG998: ValueError" in crash.message


def test_a_failure_outside_the_rules_is_reported_in_place_of_the_snippets_checks(monkeypatch):
    def broken_parser(text):
        raise RecursionError(f"while reading {SECRET}")

    monkeypatch.setattr(checker, "parse", broken_parser)
    snippet = snippet_from_dockerfile("Dockerfile", DOCKERFILE)
    result = check_snippet(snippet, RuleSet(), Config())
    assert [f.rule for f in result.findings] == ["DG017"] and result.status == "fail"
    assert "RecursionError" in result.findings[0].message and "no rule ran" in result.findings[0].message
    assert SECRET not in result.findings[0].message


def test_a_bad_example_that_expects_the_failing_rule_still_fails():
    """A failure is not what a bad example expected: the expectation is unmet, and the crash shown."""
    result = check_text(DOCKERFILE, _rules_with_a_failing_one(), Config(), options=FenceOptions(expect=("DG999",)))
    assert result.status == "fail" and {"DG017", "DG004"} <= {f.rule for f in result.failing}


def test_a_result_the_checker_failed_on_is_not_kept_in_the_check_cache(tmp_path):
    config = Config(cache_dir=str(tmp_path / "cache"))
    cache = lambda: CheckCache.for_config(config)  # noqa: E731 (a new store per run, as per process)
    crashing = snippet_from_dockerfile("Dockerfile", DOCKERFILE)
    clean = snippet_from_dockerfile("Other.Dockerfile", "FROM alpine:3.24\nUSER 65534:65534\n")
    ruleset = _rules_with_a_failing_one(config)
    first, stats = check_many([crashing, clean], ruleset, config, cache())
    assert stats.checked == 2 and "DG017" in {f.rule for f in first[0].findings}
    again, stats = check_many([crashing, clean], RuleSet(config), config, cache())
    assert stats.from_disk == 1 and stats.checked == 1  # the clean one reused, the failed one checked anew
    assert "DG017" not in {f.rule for f in again[0].findings}


def test_a_failure_while_reading_a_page_is_a_problem_on_its_first_line(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError(SECRET)

    monkeypatch.setattr(markdown, "_extracted", broken)
    snippets, problems = markdown.extract("docs/page.md", f"# Page\n\n{SECRET}\n", None)
    assert snippets == [] and [(p.rule, p.location.file, p.location.line) for p in problems] == [
        ("DG017", "docs/page.md", 1)]
    assert "KeyError at snipcheck/" in problems[0].message and SECRET not in problems[0].message


# -- real processes: the CLI and `mkdocs build --strict` ---------------------------------------------

INJECT = '''
import os
from snipcheck.rules.catalog import RULES

def _recurse(depth):
    return _recurse(depth + 1)

def _fails(df, ctx):
    _recurse(0)

for _rule in RULES:
    if _rule.id == os.environ["FAILING_RULE"]:
        _rule.loaded()
        object.__setattr__(_rule, "check", _fails)
'''


@pytest.fixture
def failing_rule_env(tmp_path):
    """An environment whose Python processes run DG401 (a Go-build rule) as a rule that recurses
    without end, put in by a sitecustomize module before the program starts."""
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(INJECT)
    return {**os.environ, "PYTHONPATH": str(inject), "FAILING_RULE": "DG401", "NO_MKDOCS_2_WARNING": "1",
            "SNIPCHECK_CACHE": "0"}


def test_the_cli_reports_the_failure_with_file_and_line_and_every_other_finding(tmp_path, failing_rule_env):
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    (tmp_path / "page.md").write_text("# Page\n\nText.\n\n```dockerfile\nFROM alpine:3.24\nRUN apk add curl\n```\n")
    plain = subprocess.run([str(BIN / "snipcheck"), "check", "--format", "json", "Dockerfile", "page.md"],
                           cwd=tmp_path, capture_output=True, text=True, env={**failing_rule_env, "FAILING_RULE": "-"})
    done = subprocess.run([str(BIN / "snipcheck"), "check", "--format", "json", "Dockerfile", "page.md"],
                          cwd=tmp_path, capture_output=True, text=True, env=failing_rule_env)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    found = {(f["file"], f["line"], f["rule"]) for f in _json_findings(done.stdout)}
    before = {(f["file"], f["line"], f["rule"]) for f in _json_findings(plain.stdout)}
    assert ("Dockerfile", 1, "DG017") in found  # at the Dockerfile's first line
    assert ("Dockerfile", 2, "DG401") in before and ("Dockerfile", 2, "DG401") not in found
    assert found == (before - {("Dockerfile", 2, "DG401")}) | {("Dockerfile", 1, "DG017")}  # nothing else lost
    text = subprocess.run([str(BIN / "snipcheck"), "check", "Dockerfile", "page.md"], cwd=tmp_path,
                          capture_output=True, text=True, env=failing_rule_env)
    assert "Dockerfile:1: DG017 error: the checker failed on this snippet in rule DG401: RecursionError" in text.stdout
    assert "page.md:7: DG" in text.stdout  # the other file's findings are all there


def test_the_rule_page_shows_the_line_a_failure_prints(tmp_path, failing_rule_env):
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    done = subprocess.run([str(BIN / "snipcheck"), "check", "Dockerfile"], cwd=tmp_path, capture_output=True,
                          text=True, env=failing_rule_env)
    shape = re.compile(r"^\S+:\d+: DG017 error: the checker failed on this snippet in rule DG\d{3}: \w+ at "
                       r"snipcheck/[\w/]+\.py:\d+; the other rules ran\. Please report it$")
    printed = [line for line in done.stdout.splitlines() if "DG017" in line]
    documented = RuleSet().get("DG017").doc_code("Example").strip()
    assert len(printed) == 1 and shape.match(printed[0]) and shape.match(documented), (printed, documented)


def _json_findings(stdout: str) -> list[dict]:
    data = json.loads(stdout)
    return [f for snippet in data["snippets"] for f in snippet["findings"]]


@pytest.mark.slow
def test_mkdocs_build_strict_fails_on_the_page_and_line_without_a_traceback(tmp_path, failing_rule_env):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Crash\nplugins: [snipcheck]\n"
                                         "markdown_extensions: [pymdownx.superfences]\n")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nBuilt twice.\n\n```dockerfile\n" + DOCKERFILE + "```\n")
    (tmp_path / "docs" / "other.md").write_text("# Other\n\n```dockerfile\nFROM alpine:3.24\nWORKDIR /app\nRUN apk add curl\nCMD [\"sh\"]\n```\n")
    strict = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=tmp_path, capture_output=True,
                            text=True, env=failing_rule_env, timeout=300)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr, strict.stderr[-3000:]
    assert "docs/index.md:5: DG017" in strict.stderr and "in rule DG401: RecursionError" in strict.stderr
    assert "docs/other.md:4: DG701" in strict.stderr  # the other page was checked too
    lenient = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=tmp_path, capture_output=True, text=True,
                             env=failing_rule_env, timeout=300)
    assert lenient.returncode == 0, lenient.stderr[-3000:]
    page = (tmp_path / "site" / "index.html").read_text()
    assert "DG017" in page and "RecursionError" in page and SECRET not in page.split("</code></pre>")[-1]
