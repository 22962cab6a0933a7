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
        from mkdocs.plugins import event_priority
        seen, indexed = {}, {}

        def on_page_content(html, page, config, files):
            seen[page.file.src_uri] = html

        @event_priority(0)  # where search plugins take the content for their index
        def on_page_context(context, page, config, nav):
            indexed[page.file.src_uri] = page.content

        def on_post_build(config):
            Path(config.site_dir, "contents.json").write_text(json.dumps([seen, indexed]))
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
    for contents in json.loads((root / "site" / "contents.json").read_text()):
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
    page, report = next((page, html) for page, html in pages(root).items() if page.startswith("checks/"))
    assert re.search(r'href="[^"]*dg\d{3}[^"]*"', report)
    # the report's table is HTML the hook puts in place of its mark: every link in it (the pages, the
    # rules) resolves to a written page, with and without directory URLs
    table = re.search(r"<table>.*?</table>", report, re.S).group(0)
    assert "snipcheck-report-" not in report
    rows = re.findall(r"<tr><td>(.*?)</td>", table)  # the two pages, then the rule pages' examples
    assert len(rows) == table.count("<tr>") - 1 > 2 and ">docs/index.md</a>" in rows[0], rows[:2]
    hrefs = [(page, href) for href in re.findall(r'href="([^"]+)"', table)]
    assert len(hrefs) > len(rows)  # a link for every page, and for findings
    # so are the rule index's two tables, and every one of their rule links
    index_page, index = next((page, html) for page, html in pages(root).items() if page.startswith("rules/index"))
    tables = re.findall(r"<table>.*?</table>", index, re.S)
    assert len(tables) == 2 and "snipcheck-table" not in index and "snipcheck:rule" not in index
    links = [(index_page, href) for table in tables for href in re.findall(r'href="([^"]+)"', table)]
    assert len(links) == 2 * (tables[0].count("<tr>") - 1) > 100
    for page, href in hrefs + links:
        target = (root / "site" / page).parent / href
        target = target / "index.html" if href.endswith("/") else target
        assert target.is_file(), (page, href)


def test_a_page_cannot_forge_a_placeholder(tmp_path):
    forged = "".join(f"<!--snipcheck-box-{'0' * 16}-{n}-->" for n in range(3))
    root = site(tmp_path, pages={"index.md": f"# Home\n\n{forged}\n\n" + BAD})
    assert build(root).returncode == 0
    html = pages(root)["index.html"]
    assert html.count('data-snipcheck-status="') == 1 and html.count(f"snipcheck-box-{'0' * 16}-") == 3


def test_a_plugin_that_drops_comments_first_is_reported_and_a_minifier_is_harmless(tmp_path):
    """Boxes are placed in the page content when search plugins have indexed it (on_page_context),
    so a minifier of the written page finds no placeholder, whichever runs first; a plugin that
    drops comments from the content before then is reported."""
    strip = """
        import re
        from mkdocs.plugins import event_priority

        @event_priority({priority})
        def {event}(html, page, config, **kwargs):
            return re.sub(r"<!--.*?-->", "", html, flags=re.S)  # as a minifier does
        """
    root = site(tmp_path, hooks=strip.format(priority=0, event="on_post_page"))
    for priority in (0, 200):
        (root / "hooks.py").write_text(textwrap.dedent(strip.format(priority=priority, event="on_post_page")))
        done = build(root, "--strict")
        assert done.returncode == 0, done.stderr
        assert sum(html.count('data-snipcheck-status="') for html in pages(root).values()) == 2
    (root / "hooks.py").write_text(textwrap.dedent(strip.format(priority=-200, event="on_page_content")))
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


def test_another_pages_placeholders_in_a_written_page_get_their_boxes(tmp_path):
    """As a blog index shows a post's excerpt: the home page's written HTML gains the guide page's
    content as rendered, placeholders and all, after the boxes were put in the contents."""
    excerpt = """
        from mkdocs.plugins import event_priority

        contents = {}

        def on_page_content(html, page, config, files):
            contents[page.file.src_uri] = html
            return html

        @event_priority(150)  # before ours fills the placeholders left in the written page
        def on_post_page(output, page, config):
            if page.file.src_uri == "index.md":
                output = output.replace("</article>", contents["guide/images.md"] + "</article>", 1)
            return output
        """
    root = site(tmp_path, hooks=excerpt, rule_pages=True)
    done = build(root, "--strict")
    assert done.returncode == 0, done.stderr
    home = pages(root)["index.html"]
    assert "snipcheck-box-" not in home
    assert re.findall(r'data-snipcheck-status="(\w+)"', home) == ["pass", "expected"]
    for href in re.findall(r'class="snipcheck-rule" href="([^"]+)"', home):
        assert (root / "site" / href / "index.html").is_file(), href


def test_boxes_are_ascii_and_read_as_before():
    """A box's ✓ made the whole written page a two-byte-a-character string in CPython (610 of the
    500-page site's 613 pages, against 110 without the checker), slowing every later step. Boxes
    are ASCII; the browser reads the same characters, a finding's non-ASCII message included."""
    import html

    from snipcheck.checker import check_text
    from snipcheck.registry import RuleSet
    from snipcheck.report.html import _box, render_result

    rules = RuleSet()
    texts = ["FROM scratch\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n",
             "FROM debian:trixie-slim\nUSER root\nWORKDIR /srv\nCMD [\"true\"]\n",
             "FROM alpine:3.22\nCOPY café.env /app/\nUSER 65534\n"]
    for text in texts:
        result = check_text(text, rules)
        box = render_result(result)
        assert box.isascii() and html.unescape(box) == html.unescape(_box(result, True))
    assert any(not _box(check_text(t, rules), True).isascii() for t in texts)  # the marks, at least
