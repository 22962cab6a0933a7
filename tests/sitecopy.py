"""A throwaway copy of the site (mkdocs.yml, docs/, snippets/, hooks/) for build and serve tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def copy_site(dest: Path) -> Path:
    for name in ("docs", "snippets", "hooks"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def build(site: Path, strict: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = [MKDOCS, "build", "--clean"] + (["--strict"] if strict else [])
    return subprocess.run(args, cwd=site, capture_output=True, text=True, timeout=600, env=env)
