"""The build cache with a real engine: the CLI's `docker build` calls are counted by a wrapper
around the real client. Cold: one build per example; warm: none; one example edited: one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitecopy import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.docker]
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
EXAMPLES = ROOT / "snippets" / "examples"


@pytest.fixture(scope="module", autouse=True)
def standins():
    made = subprocess.run(["bash", str(ROOT / "tools" / "standins.sh")], capture_output=True, text=True, timeout=3600)
    assert made.returncode == 0, made.stdout[-1500:] + made.stderr[-1500:]


def counting_client(folder: Path) -> tuple[Path, Path]:
    """A docker client that appends one line per `docker build` to a file, then runs the real one."""
    calls = folder / "build-calls"
    script = folder / "docker"
    real = os.environ.get("SNIPCHECK_DOCKER") or ("/usr/bin/docker" if Path("/usr/bin/docker").exists() else "docker")
    script.write_text(f'#!/bin/sh\ncase "$1" in build|buildx) echo "$*" >> "{calls}";; esac\nexec {real} "$@"\n')
    script.chmod(0o755)
    return script, calls


def check(paths, client: Path, cache: Path):
    env = {**os.environ, "SNIPCHECK_DOCKER": str(client), "SNIPCHECK_CACHE_DIR": str(cache)}
    return subprocess.run([SNIPCHECK, "check", "--build", "--format", "json", "--root", str(ROOT), *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env)


def without_cached_flag(report_json: str) -> list:
    """The snippets of a JSON report, each build's `cached` flag left out (the one thing a reused
    result says differently)."""
    snippets = json.loads(report_json)["snippets"]
    for snippet in snippets:
        assert snippet["build"].pop("cached") in (True, False)
    return snippets


def builds(calls: Path) -> int:
    return len(calls.read_text().splitlines()) if calls.exists() else 0


def test_unchanged_examples_are_not_built_again_and_an_edit_rebuilds_one(tmp_path):
    client, calls = counting_client(tmp_path)
    files = []
    for name in ("static-scratch", "distroless-nonroot"):
        files.append(tmp_path / f"{name}.Dockerfile")
        files[-1].write_text((EXAMPLES / f"{name}.Dockerfile").read_text())
    cold = check(files, client, tmp_path / "cache")
    assert cold.returncode == 0, cold.stderr[-2000:]
    assert builds(calls) == 2 and "0 from cache, 2 built now" in cold.stderr

    warm = check(files, client, tmp_path / "cache")
    assert warm.returncode == 0, warm.stderr[-2000:]
    assert builds(calls) == 2 and "2 from cache, 0 built now" in warm.stderr
    assert without_cached_flag(warm.stdout) == without_cached_flag(cold.stdout)

    files[1].write_text(files[1].read_text().replace("EXPOSE 8080", "EXPOSE 8081"))
    edited = check(files, client, tmp_path / "cache")
    assert edited.returncode == 0, edited.stderr[-2000:]
    assert builds(calls) == 3 and "1 from cache, 1 built now" in edited.stderr
    rows = {name: [line for line in edited.stderr.splitlines() if f"{name}.Dockerfile:1:" in line][0]
            for name in ("static-scratch", "distroless-nonroot")}
    assert "ok (cached)" in rows["static-scratch"] and "(cached)" not in rows["distroless-nonroot"]
