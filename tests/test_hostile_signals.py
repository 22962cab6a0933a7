"""SIGINT and SIGTERM sent to a real `snipcheck check --build` at each phase (collecting, building,
running a selfcheck): it exits 130 or 143 and leaves no container, image, build-cache record or
temporary folder behind (found by the run's own label)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from locks import lock_images
from test_builder import APP, builder  # noqa: F401 (the session fixture: engine + stand-ins)

from snipcheck.builder.docker import RUN_LABEL, default_docker

pytestmark = [pytest.mark.docker, pytest.mark.slow]
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
DOCKER = default_docker()
SLOW_BUILD = ("FROM debian:bookworm-slim\nCOPY go.mod /go.mod\nRUN sleep 120\n")
SLOW_RUN = ("FROM debian:bookworm-slim\nCOPY go.mod /go.mod\n"
            "RUN printf '#!/bin/sh\\nsleep 120\\n' > /slow && chmod +x /slow\nENTRYPOINT [\"/slow\"]\n")


def project(tmp_path: Path, example: str, pages: int = 1) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "snippets" / "examples").mkdir(parents=True)
    shutil.copytree(APP, root / "snippets" / "app")
    (root / "mkdocs.yml").write_text("site_name: signals\n")
    (root / "snippets" / "examples" / "ex.Dockerfile").write_text(example)
    lock_images(root, "debian:bookworm-slim")
    (root / "docs" / "a.md").write_text('# A\n\n```dockerfile\n--8<-- "examples/ex.Dockerfile"\n```\n')
    for n in range(pages - 1):  # many pages: a collecting phase long enough to be caught in
        (root / "docs" / f"p{n}.md").write_text("# P\n\n" + "```dockerfile\nFROM alpine:3.20\nUSER 1:1\n```\n\n" * 20)
    return root


def start(root: Path, tmp: Path) -> subprocess.Popen:
    return subprocess.Popen([SNIPCHECK, "check", "--build", "docs"], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(tmp)})


def wait_for(condition, proc, what: str, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"snipcheck ended before {what}: {proc.returncode}\n{proc.stderr.read()}")
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def handles_sigterm(pid: int) -> bool:
    """Has the process installed its own SIGTERM handler (the run's signal handling is on)?"""
    status = Path(f"/proc/{pid}/status").read_text()
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught & (1 << (signal.SIGTERM - 1)))


def on_engine() -> dict[str, str]:
    """Every labelled container and image (ID: the run label) and every build-cache record (ID:
    its description) the engine holds now. Process IDs are reused and the engine outlives runs (a
    killed run leaves its records), so a run's leftovers are what it added, not all its PID names."""
    out = {}
    for kind in (["ps", "-a"], ["image", "ls"]):
        listing = subprocess.run([DOCKER, *kind, "--filter", f"label={RUN_LABEL}", "--format",
                                  f'{{{{.ID}}}} {{{{.Label "{RUN_LABEL}"}}}}'], capture_output=True, text=True)
        out.update(line.split(maxsplit=1) for line in listing.stdout.splitlines() if " " in line)
    cache = subprocess.run([DOCKER, "system", "df", "-v", "--format", "{{json .BuildCache}}"],
                           capture_output=True, text=True).stdout
    out.update((r["ID"], r["Description"]) for r in json.loads(cache or "[]") or [])
    return out


def left_on_engine(pid: int, before: dict[str, str]) -> list[str]:
    """Containers, images and build-cache records the run of process `pid` added and left."""
    return sorted(item for item, name in on_engine().items() if item not in before
                  and (name.startswith(f"{pid}-") or f"snipcheck-build-{pid}-" in name))


def running_container(pid: int, before: dict[str, str]) -> bool:
    listing = subprocess.run([DOCKER, "ps", "--filter", f"label={RUN_LABEL}", "--format",
                              f'{{{{.ID}}}} {{{{.Label "{RUN_LABEL}"}}}}'], capture_output=True, text=True).stdout
    return any(item not in before and label.startswith(f"{pid}-")
               for item, _, label in (line.partition(" ") for line in listing.splitlines()))


@pytest.mark.parametrize("signum,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
@pytest.mark.parametrize("phase", ["collecting", "building", "running"])
def test_signal_stops_the_run_and_leaves_nothing(builder, tmp_path, phase, signum, code):  # noqa: F811
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    example = {"collecting": SLOW_BUILD, "building": SLOW_BUILD, "running": SLOW_RUN}[phase]
    root = project(tmp_path, example, pages=400 if phase == "collecting" else 1)
    before = on_engine()
    proc = start(root, tmp)
    try:
        if phase == "collecting":
            wait_for(lambda: handles_sigterm(proc.pid), proc, "the run to start")
        elif phase == "building":
            wait_for(lambda: any(tmp.glob("snipcheck-build-*")), proc, "a build to start")
            time.sleep(1)  # into `docker build` itself
        else:
            wait_for(lambda: running_container(proc.pid, before), proc, "the selfcheck container to run")
        phase_seen = not any(tmp.glob("snipcheck-build-*")) if phase == "collecting" else True
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err
    assert "Traceback" not in err and f"stopped by {signal.Signals(signum).name}" in err
    assert phase_seen
    assert list(tmp.iterdir()) == []  # no temporary folder left
    assert left_on_engine(proc.pid, before) == []
