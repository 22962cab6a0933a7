"""`snipcheck check docs/` checks the pages `mkdocs build` renders: a file that MkDocs leaves out of
the site (its own exclusions, exclude_docs, draft_docs) is skipped with a note when found in a
folder, and checked when named. MkDocs itself says which pages it builds."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import run  # the real console script

BAD = "# Page\n\n```dockerfile\nFROM alpine:latest\nUSER 65534:65534\n```\n"
PAGES = ("index.md", "guide/ok.md", "drafts/a.md", "drafts/kept.md", "templates/t.md", "guide/x.tmp.md",
         "wip-b.md", "guide/wip-c.md", "guide/templates/nested.md")
PATTERNS = ("exclude_docs: |\n  drafts/\n  !drafts/kept.md\n  *.tmp.md\n"
            "draft_docs: |\n  wip-*.md\n")


def make_site(folder: Path, settings: str, docs_dir: str = "docs") -> Path:
    (folder / "mkdocs.yml").write_text(f"site_name: pages\n{settings}")
    for page in PAGES:
        path = folder / docs_dir / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BAD)
    return folder


def built_by_mkdocs(folder: Path) -> set[str]:
    """The pages `mkdocs build` renders, as MkDocs' own file walk and exclusions decide."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(folder / "mkdocs.yml"))
    return {f.src_uri for f in get_files(config).documentation_pages()}


def checked_pages(folder: Path, *paths: str, docs_dir: str = "docs") -> tuple[set[str], str]:
    r = run("check", "--no-cache", "--format", "json", *paths, cwd=folder)
    assert r.returncode in (0, 1), r.stderr
    files = {s["file"] for s in json.loads(r.stdout)["snippets"]}
    return {Path(f).relative_to(docs_dir).as_posix() for f in files}, r.stderr


@pytest.mark.parametrize("settings", [PATTERNS, "", "exclude_docs: |\n  guide/\n  !guide/ok.md\n"])
def test_a_folder_is_checked_as_mkdocs_builds_it(tmp_path, settings):
    site = make_site(tmp_path, settings)
    built = built_by_mkdocs(site)
    checked, notes = checked_pages(site, "docs")
    assert checked == built
    assert skipped_count(notes) == len(set(PAGES) - built)
    assert "Traceback" not in notes


def skipped_count(notes: str) -> int:
    """Files the notes say were skipped: one note a reason, naming the file or counting them."""
    lines = [line for line in notes.splitlines() if "skipped" in line]
    assert all("name the file to check it" in line for line in lines)
    return sum(int(m.group(1)) if (m := re.search(r": (\d+) files skipped \(", line)) else 1 for line in lines)


def test_a_thousand_pages_left_out_are_one_note(tmp_path):
    site = make_site(tmp_path, "exclude_docs: |\n  archive/\n")
    for n in range(1000):
        (site / "docs" / "archive" / f"{n:04d}.md").parent.mkdir(exist_ok=True)
        (site / "docs" / "archive" / f"{n:04d}.md").write_text(BAD)
    checked, notes = checked_pages(site, "docs")
    assert checked == built_by_mkdocs(site) and len(checked) == len(PAGES) - 1  # templates/t.md: MkDocs' own
    assert "docs: 1001 files skipped (docs/archive/0000.md, docs/archive/0001.md, docs/archive/0002.md, ...)" in notes
    assert skipped_count(notes) == 1001 and len(notes.splitlines()) == 1


def test_the_patterns_are_those_of_the_site_named_by_docs_dir(tmp_path):
    site = make_site(tmp_path, "docs_dir: content\n" + PATTERNS, docs_dir="content")
    checked, _ = checked_pages(site, "content", docs_dir="content")
    assert checked == built_by_mkdocs(site) and "drafts/a.md" not in checked and "index.md" in checked


def test_a_page_named_on_the_command_line_is_checked(tmp_path):
    site = make_site(tmp_path, PATTERNS)
    checked, notes = checked_pages(site, "docs/drafts/a.md", "docs/wip-b.md")
    assert checked == {"drafts/a.md", "wip-b.md"} and "skipped" not in notes


def test_a_dockerfile_in_a_folder_the_site_leaves_out_is_still_checked(tmp_path):
    """Example files that pages include often sit in an excluded folder of docs/: they are checked."""
    site = make_site(tmp_path, PATTERNS)
    (site / "docs" / "drafts" / "Dockerfile").write_text("FROM alpine:latest\nUSER 65534:65534\n")
    checked, _ = checked_pages(site, "docs")
    assert "drafts/Dockerfile" in checked and "drafts/a.md" not in checked


def test_a_folder_outside_the_docs_folder_is_not_filtered(tmp_path):
    """exclude_docs is relative to docs_dir: a `drafts/` folder elsewhere in the project is checked."""
    site = make_site(tmp_path, PATTERNS)
    (site / "notes" / "drafts").mkdir(parents=True)
    (site / "notes" / "drafts" / "n.md").write_text(BAD)
    r = run("check", "--no-cache", "--format", "json", "notes", cwd=site)
    assert [s["file"] for s in json.loads(r.stdout)["snippets"]] == ["notes/drafts/n.md"]


@pytest.mark.parametrize("settings, needle", [
    ("exclude_docs: [drafts/]\n", "`exclude_docs` must be a multiline string"),
    ("draft_docs: 3\n", "`draft_docs` must be a multiline string"),
    ("docs_dir: [a]\n", "`docs_dir` must be a folder name"),
    ("exclude_docs: |\n  drafts/\n  !\n", "Invalid git pattern: '!'"),  # MkDocs' message too
    ("exclude_docs: [\n", "invalid YAML"),
])
def test_patterns_mkdocs_would_refuse_are_a_clear_error(tmp_path, settings, needle):
    site = make_site(tmp_path, settings)
    r = run("check", "docs", cwd=site)
    assert r.returncode == 2 and needle in r.stderr and "mkdocs.yml" in r.stderr
    assert "Traceback" not in r.stderr


def test_without_pathspec_mkdocs_own_exclusions_still_apply_and_a_note_says_the_rest_do_not(tmp_path):
    """The CLI installed without MkDocs has no pathspec: it checks every page but templates/ and
    says that the site's own patterns were not applied."""
    site = make_site(tmp_path, PATTERNS)
    blocked = "import sys; sys.modules['pathspec'] = None; from snipcheck.cli import main; sys.exit(main())"
    r = subprocess.run([sys.executable, "-c", blocked, "check", "--no-cache", "--format", "json", "docs"],
                       cwd=site, capture_output=True, text=True, timeout=120)
    checked = {Path(s["file"]).relative_to("docs").as_posix() for s in json.loads(r.stdout)["snippets"]}
    assert checked == set(PAGES) - {"templates/t.md"}
    assert "exclude_docs and draft_docs are not applied: the pathspec package" in r.stderr
