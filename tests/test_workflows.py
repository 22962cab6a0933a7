"""The docs workflow runs real builds as a team would (actionlint itself runs in test_integrations.py)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


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
