"""Includes outside Dockerfile fences on a site the checker was added to: the page renders as it did
without the checker (a long changelog, an optional generated file pymdownx.snippets skips), while
what feeds a Dockerfile fence stays held to the checker's limits. Real `mkdocs build` runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
CONFIG = """site_name: Foreign
theme: {name: material}
plugins:
  - search
%s
markdown_extensions:
  - pymdownx.snippets: {base_path: [snippets]}
  - pymdownx.superfences
"""
CLEAN = "```dockerfile\nFROM alpine:3.24\nUSER 65534:65534\n```\n"


def make_site(folder: Path, pages: dict[str, str], checked: bool = True) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "snippets").mkdir()
    (folder / "mkdocs.yml").write_text(CONFIG % ("  - snipcheck" if checked else ""))
    for name, text in pages.items():
        (folder / name).write_text(text)
    return folder


def build(site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=site, capture_output=True, text=True,
                          env=env, timeout=300)


def test_a_long_include_outside_dockerfile_fences_renders_as_without_the_checker(tmp_path):
    changelog = "".join(f"- change {n}: fixed something that was broken before\n" for n in range(30_000))
    assert len(changelog) > 1_000_000  # over max_file_bytes
    pages = {"docs/index.md": "# Home\n\n" + CLEAN, "docs/changes.md": '# Changes\n\n--8<-- "changes.md"\n',
             "snippets/changes.md": changelog + "- the last change\n"}
    for checked in (False, True):
        site = make_site(tmp_path / f"site-{checked}", pages, checked)
        done = build(site)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "the last change" in (site / "site" / "changes" / "index.html").read_text()
        assert "DG009" not in done.stderr


def test_a_dockerfile_fence_inside_an_include_the_checker_refused_still_fails_strict(tmp_path):
    padding = "".join(f"- change {n}: fixed something that was broken before\n" for n in range(30_000))
    pages = {"docs/index.md": '# Home\n\n--8<-- "changes.md"\n',
             "snippets/changes.md": padding + "\n```dockerfile\nFROM alpine:3.24\nUSER root\nCMD [\"sh\"]\n```\n"}
    done = build(make_site(tmp_path / "site", pages))
    # the checker did not read the file, but the page renders the fence: it is checked on its own
    assert done.returncode == 1 and "docs/index.md: DG702 warning" in done.stderr, done.stderr[-2000:]
    assert "the Dockerfile fence `FROM alpine:3.24`, which is not in the page's Markdown as the checker read it" \
        in done.stderr


def test_a_missing_include_counts_only_inside_a_dockerfile_fence(tmp_path):
    outside = make_site(tmp_path / "outside", {"docs/index.md": '# Home\n\n--8<-- "generated-table.md"\n\n' + CLEAN})
    done = build(outside)
    assert done.returncode == 0 and "DG005" not in done.stderr, done.stderr[-2000:]
    inside = make_site(tmp_path / "inside", {
        "docs/index.md": '# Home\n\n```dockerfile\nFROM alpine:3.24\n--8<-- "missing.Dockerfile"\n```\n'})
    done = build(inside)
    assert done.returncode == 1 and "docs/index.md:3: DG005" in done.stderr  # at its fence, done.stderr[-2000:]


def test_a_symlink_out_of_the_allowed_folders_is_still_refused_outside_fences(tmp_path):
    (tmp_path / "secret.txt").write_text("CANARY-3c9d-not-a-secret\n")
    site = make_site(tmp_path / "site", {"docs/index.md": '# Home\n\n--8<-- "readme.md"\n'})
    (site / "snippets" / "readme.md").symlink_to(tmp_path / "secret.txt")
    done = build(site)
    assert done.returncode == 1 and "docs/index.md:3: DG008" in done.stderr, done.stderr[-2000:]
    assert "CANARY-3c9d" not in (site / "site" / "index.html").read_text() + done.stderr


def test_strict_warnings_give_page_lines_and_name_the_page_of_an_included_block(tmp_path):
    """A rule's "(line N)" is the page's line in the build log, as in the CLI (it counted block lines
    next to a page line), and a finding of an included file names the page's block that shows it."""
    npm = "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER 1000:1000\nCMD [\"node\", \"server.js\"]\n"
    site = make_site(tmp_path / "site", {"docs/index.md": "# Home\n\nText.\n\n```dockerfile\n" + npm + "```\n",
                                         "docs/other.md": '# Other\n\n```dockerfile\n--8<-- "app.Dockerfile"\n```\n',
                                         "snippets/app.Dockerfile": npm})
    done = build(site)
    assert done.returncode == 1
    assert "docs/index.md:8: DG405 warning: sources are copied (line 8) before `npm ci` (line 9)" in done.stderr
    assert ("snippets/app.Dockerfile:3: DG405 warning: sources are copied (line 3) before `npm ci` (line 4)"
            in done.stderr and "(in the code block at docs/other.md:3)" in done.stderr), done.stderr[-3000:]
