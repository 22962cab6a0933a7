"""The package as another team gets it: a wheel built from this tree, fresh virtual environments
(pip from the local wheel, dependencies from PyPI), and a copy of the fixture site of a Material
site that is not ours (tests/fixtures/plugin-site). Slow: the fixtures are per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "plugin-site"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
for name in list(ENV):
    if name.startswith("SNIPCHECK_") or name == "VIRTUAL_ENV":
        del ENV[name]


def run(args, cwd=None, check=True, timeout=900, env=None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout,
                            env={**ENV, **(env or {})})
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
                             f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def build_wheel(out: Path) -> Path:
    """Build the wheel from a copy of the sources (an in-tree build would leave build/ behind)."""
    src = out / "src"
    shutil.copytree(ROOT / "hooks", src / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        shutil.copy(ROOT / name, src / name)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out / "dist", src])
    return next((out / "dist").glob("snipcheck-*.whl"))


def make_venv(path: Path, *requirements: str) -> Path:
    """A fresh venv with `requirements` installed by pip; returns its bin folder."""
    run([sys.executable, "-m", "venv", path])
    if requirements:
        run([path / "bin" / "python", "-m", "pip", "install", "-q", *requirements])
    return path / "bin"


def copy_fixture_site(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    return dest


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def site_bin(wheel, tmp_path_factory) -> Path:
    """A venv as a documentation team has it: MkDocs, Material, and our wheel with its mkdocs extra."""
    return make_venv(tmp_path_factory.mktemp("site-venv") / "venv", f"{wheel}[mkdocs]", "mkdocs-material")


@pytest.fixture
def fixture_site(tmp_path) -> Path:
    return copy_fixture_site(tmp_path / "site")
