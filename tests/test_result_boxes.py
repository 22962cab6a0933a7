"""Result boxes reach the written page, not the page content search plugins parse; their rule links
resolve on sites with and without directory URLs; a page cannot forge a box placeholder; a plugin
that drops HTML comments before ours runs is reported, not silent. Real `mkdocs build` on small sites."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
BAD = "```dockerfile expect=\"DG702\"\nFROM debian:trixie-slim\nUSER root\nWORKDIR /srv\nCMD [\"true\"]\n```\n"
GOOD = "```dockerfile\nFROM scratch\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n```\n"


def site(tmp_path: Path, extra: str = "", pages: dict[str, str] | None = None, hooks: str = "",
         rule_pages: bool = False) -> Path:
    root = tmp_path / "site"
    (root / "docs" / "guide").mkdir(parents=True)
    for name, text in (pages or {"index.md": "# Home\n\n" + GOOD, "guide/images.md": "# Images\n\n" + BAD}).items():
        (root / "docs" / name).write_text(text)
    if hooks:
        (root / "hooks.py").write_text(textwrap.dedent(hooks))
    (root / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: Boxes
        theme:
          name: material
        markdown_extensions:
          - pymdownx.superfences
        plugins:
          - search
          - snipcheck:
              show: all
              rule_pages: {str(rule_pages).lower()}
              report_page: {str(rule_pages).lower()}
              cache_dir: {tmp_path / "cache"}
        {"hooks: [hooks.py]" if hooks else ""}
        """) + extra)
    return root


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([MKDOCS, "build", *args], cwd=root, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def pages(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root / "site")): p.read_text() for p in (root / "site").rglob("*.html")}


def test_boxes_sit_in_the_written_page_and_not_in_what_search_parses(tmp_path):
    root = site(tmp_path, hooks="""
        import json
        from pathlib import Path
        seen = {}

        def on_page_content(html, page, config, files):
            seen[page.file.src_uri] = html

        def on_post_build(config):
            Path(config.site_dir, "contents.json").write_text(json.dumps(seen))
        """)
    done = build(root, "--strict")
    assert done.returncode == 0, done.stderr
    written = pages(root)
    boxes = re.findall(r'<div class="snipcheck snipcheck-(\w+)"', written["guide/images/index.html"])
    assert boxes == ["expected"]
    highlight = re.search(r'<div class="highlight">.*?</div>\s*</div>',
                          written["guide/images/index.html"], re.S)
    assert highlight and 'data-snipcheck-status="' in highlight.group(0)  # the box sits inside the wrapper
    assert not any("<!--snipcheck-box" in html for html in written.values())
    contents = json.loads((root / "site" / "contents.json").read_text())
    assert "<!--snipcheck-box-" in contents["guide/images.md"] and "data-snipcheck-status" not in contents[
        "guide/images.md"]
    index = (root / "site" / "search" / "search_index.json").read_text()
    assert "Deliberate bad example" not in index and "Checked: no findings" not in index
    assert "snipcheck-box" not in index


@pytest.mark.parametrize("directory_urls", [True, False])
def test_rule_links_in_boxes_and_the_report_resolve_to_rule_pages(tmp_path, directory_urls):
    root = site(tmp_path, extra=f"use_directory_urls: {str(directory_urls).lower()}\n", rule_pages=True)
    done = build(root)
    assert done.returncode == 0, done.stderr
    links = [(page, href) for page, html in pages(root).items()
             for href in re.findall(r'class="snipcheck-rule" href="([^"]+)"', html)]
    assert len(links) >= 2
    for page, href in links:
        target = (root / "site" / page).parent / href
        target = target / "index.html" if href.endswith("/") else target
        assert target.is_file(), (page, href)
    report = next(html for page, html in pages(root).items() if page.startswith("checks/"))
    assert re.search(r'href="[^"]*dg\d{3}[^"]*"', report)


def test_a_page_cannot_forge_a_placeholder(tmp_path):
    forged = "".join(f"<!--snipcheck-box-{'0' * 16}-{n}-->" for n in range(3))
    root = site(tmp_path, pages={"index.md": f"# Home\n\n{forged}\n\n" + BAD})
    assert build(root).returncode == 0
    html = pages(root)["index.html"]
    assert html.count('data-snipcheck-status="') == 1 and html.count(f"snipcheck-box-{'0' * 16}-") == 3


def test_a_plugin_that_drops_comments_first_is_reported_and_one_after_ours_is_harmless(tmp_path):
    strip = """
        import re
        from mkdocs.plugins import event_priority

        @event_priority({priority})
        def on_post_page(output, page, config):
            return re.sub(r"<!--.*?-->", "", output, flags=re.S)  # as a minifier does
        """
    root = site(tmp_path, hooks=strip.format(priority=0))
    done = build(root, "--strict")
    assert done.returncode == 0, done.stderr
    assert sum(html.count('data-snipcheck-status="') for html in pages(root).values()) == 2
    (root / "hooks.py").write_text(textwrap.dedent(strip.format(priority=200)))
    done = build(root, "--strict")
    assert done.returncode != 0 and "2 of 2 result boxes did not reach a written page" in done.stderr


def test_a_page_another_plugin_writes_at_the_end_gets_its_boxes(tmp_path):
    """As mkdocs-print-site-plugin does: keep each page's content in on_page_content, write one page
    of them all in on_post_build. Measured with the real plugin on uvicorn's site (191 boxes)."""
    print_site = """
        from pathlib import Path

        contents = []

        def on_page_content(html, page, config, files):
            contents.append(html)
            return html

        def on_post_build(config):
            out = Path(config.site_dir) / "print_page" / "index.html"
            out.parent.mkdir(exist_ok=True)
            out.write_text("<html><body>" + "".join(contents) + "</body></html>")
            contents.clear()
        """
    root = site(tmp_path, hooks=print_site, rule_pages=True)
    (root / "docs" / "static.html").write_text("<p>a page of the author's own, copied as it is</p>")
    done = build(root, "--strict")
    assert done.returncode == 0, done.stderr
    written = pages(root)
    printed = written[os.path.join("print_page", "index.html")]
    assert "snipcheck-box-" not in printed
    own = sum(html.count('data-snipcheck-status="') for page, html in written.items() if not page.startswith("print"))
    assert printed.count('data-snipcheck-status="') == own >= 2  # every page's boxes, once more
    for href in re.findall(r'class="snipcheck-rule" href="([^"]+)"', printed):
        assert (root / "site" / "print_page" / href / "index.html").is_file(), href
    assert written["static.html"] == "<p>a page of the author's own, copied as it is</p>"
