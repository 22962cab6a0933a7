"""mkdocs-static-i18n (PyPI `mkdocs-static-i18n`) for real: it builds every other language inside
the first build (from its on_post_build), each with the untranslated pages of the default language.

Found on a site we did not build: with both plugins the build crashed in i18n's on_files (our
stylesheet was a generated file without a source path). Tested here: each language's pages are
checked in that language's build and show their own results; a finding is logged once, even
though the untranslated page is rendered in every language; strict still stops the build."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

MKDOCS = Path(sys.executable).parent / "mkdocs"
CONFIG = """site_name: Two languages
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: fr
          name: Français
  - snipcheck
markdown_extensions:
  - pymdownx.superfences
"""
BUILD = "FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY go.mod ./\nRUN go build -o /app .\n\n"
ENGLISH = BUILD + 'FROM alpine:latest\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n'
FRENCH = BUILD + 'FROM ubuntu\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n'
UNTRANSLATED = BUILD + 'FROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n'


def site(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG)
    for name, title, text in (("index.md", "Home", ENGLISH), ("index.fr.md", "Accueil", FRENCH),
                              ("other.md", "Only in English", UNTRANSLATED)):
        (root / "docs" / name).write_text(f"# {title}\n\n```dockerfile\n{text}```\n")
    return root


def build(root: Path, *flags: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run([str(MKDOCS), "build", *flags], cwd=root, capture_output=True, text=True, env=env,
                          timeout=300)


def rules_shown(root: Path, page: str) -> list[str]:
    html = (root / "site" / page).read_text(encoding="utf-8")
    return [part.split("<", 1)[0] for part in html.split('<code class="snipcheck-rule">')[1:]]


def test_each_language_shows_the_results_of_its_own_blocks_and_the_stylesheet_resolves(tmp_path):
    root = site(tmp_path)
    done = build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "DG201" in rules_shown(root, "index.html") and "DG202" not in rules_shown(root, "index.html")
    assert "DG202" in rules_shown(root, "fr/index.html") and "DG201" not in rules_shown(root, "fr/index.html")
    assert "DG701" in rules_shown(root, "other/index.html") and "DG701" in rules_shown(root, "fr/other/index.html")
    page = (root / "site" / "fr" / "other" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../assets/stylesheets/snipcheck.css"' in page
    assert (root / "site" / "assets" / "stylesheets" / "snipcheck.css").is_file()


def test_a_finding_is_logged_once_though_every_language_renders_its_page(tmp_path):
    done = build(site(tmp_path))
    log = done.stderr
    assert log.count("docs/other.md:9: DG701 warning") == 1  # rendered by the English and the French build
    assert log.count("docs/index.fr.md:9: DG202 warning") == 1  # only the French build renders it
    assert log.count("docs/index.md:9: DG201 warning") == 1
    assert log.count("snipcheck: checked 2 Dockerfile snippets") == 2  # one summary per language's build
    assert log.count("snipcheck: checked 2 Dockerfile snippets (language fr):") == 1  # each says which
    assert log.count("snipcheck: checked 2 Dockerfile snippets (language en):") == 1


def test_strict_stops_the_build_and_passes_once_every_language_is_clean(tmp_path):
    root = site(tmp_path)
    assert build(root, "--strict").returncode == 1
    clean = ('FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n'
             'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .\n'
             'FROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n')
    for name, text in (("index.md", clean), ("index.fr.md", clean), ("other.md", clean)):
        (root / "docs" / name).write_text(f"# Page\n\n```dockerfile\n{text}```\n")
    done = build(root, "--strict")
    assert done.returncode == 0, done.stderr[-3000:]
    (root / "docs" / "index.fr.md").write_text(f"# Accueil\n\n```dockerfile\n{FRENCH}```\n")
    done = build(root, "--strict")  # the failure is in the nested (French) build only
    assert done.returncode == 1 and "docs/index.fr.md:9: DG202 warning" in done.stderr


def test_the_folder_structure_works_the_same(tmp_path):
    """docs/en/..., docs/fr/... instead of index.fr.md: each language's pages at their own paths."""
    root = tmp_path
    (root / "mkdocs.yml").write_text(CONFIG.replace("docs_structure: suffix", "docs_structure: folder"))
    for path, text in (("en/index.md", ENGLISH), ("fr/index.md", FRENCH), ("en/other.md", UNTRANSLATED)):
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(f"# Page\n\n```dockerfile\n{text}```\n")
    done = build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "DG201" in rules_shown(root, "index.html") and "DG202" in rules_shown(root, "fr/index.html")
    assert "DG701" in rules_shown(root, "fr/other/index.html")
    assert done.stderr.count("docs/en/other.md:9: DG701 warning") == 1
    assert done.stderr.count("docs/fr/index.md:9: DG202 warning") == 1


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_each_language_has_its_own_report_and_rule_pages(tmp_path, structure):
    """The rule and report pages of the other languages' builds went to the default language's
    addresses: site/checks/ showed the French report over the English one, and report.json, written
    last by the English build, disagreed with it. Each language's are now in its own folder."""
    root = tmp_path
    config = CONFIG.replace("docs_structure: suffix", f"docs_structure: {structure}")
    (root / "mkdocs.yml").write_text(config.replace("  - snipcheck\n", "  - snipcheck:\n      report_page: true\n"
                                                                       "      rule_pages: true\n"))
    english, french = ("index.md", "index.fr.md") if structure == "suffix" else ("en/index.md", "fr/index.md")
    for path, text in ((english, ENGLISH), (french, FRENCH)):
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(f"# Page\n\n```dockerfile\n{text}```\n")
    done = build(root)
    assert done.returncode == 0, done.stderr[-3000:]
    site_dir = root / "site"
    for folder, own, other in (("", english, french), ("fr/", french, english)):
        report = json.loads((site_dir / folder / "checks" / "report.json").read_text(encoding="utf-8"))
        pages = {s["file"] for s in report["snippets"] if "(generated)" not in s["file"]}
        assert pages == {f"docs/{own}"}
        shown = (site_dir / folder / "checks" / "index.html").read_text(encoding="utf-8")
        assert f"docs/{own}" in shown and f"docs/{other}" not in shown
        assert (site_dir / folder / "rules" / "dg201" / "index.html").is_file()
    page = site_dir / "fr" / "index.html"
    links = re.findall(r'href="([^"]*dg202/)"', page.read_text(encoding="utf-8"))
    assert links and all((page.parent / link / "index.html").resolve().is_relative_to(site_dir / "fr")
                         and (page.parent / link / "index.html").is_file() for link in links)


def test_a_second_build_reuses_every_languages_results_from_the_cache(tmp_path):
    """The languages' builds run in one process: a later one takes the results it shares with the
    first from memory, past the cache, and still stores its own (the French block) in the bundle."""
    root = site(tmp_path / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE_DIR": str(tmp_path / "cache")}

    def summaries() -> dict[str, str]:
        done = subprocess.run([str(MKDOCS), "build"], cwd=root, capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        return dict(re.findall(r"\(language (\w+)\).*\((\d+) checked now", done.stderr))

    assert summaries() == {"en": "2", "fr": "1"}  # the French page's block is its own; the other is shared
    assert summaries() == {"en": "0", "fr": "0"}
    bundle, = (tmp_path / "cache" / "checks" / "sites").glob("*.json")
    assert len(json.loads(bundle.read_text())["entries"]) == 3
