"""Hostile pages in a real `mkdocs build` (and the built report page in Chromium): the stored XSS
of issue 13, canary includes, and a malformed fence that lent its result box to the next one."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest
from sitecopy import build, copy_site

pytestmark = pytest.mark.slow

XSS_PAGE = "x)[click me](javascript:alert(document.domain)).md"
CANARY = "CANARY-52c1e0-not-a-secret"
FENCE = "```dockerfile{options}\nFROM alpine:3.24\nUSER 65534:65534\n```\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "outside.txt").write_text(CANARY + "\n")
    site = copy_site(base / "site")
    (site / "snippets" / "leak.txt").symlink_to(base / "outside.txt")
    body = ("# Hostile\n\n" + FENCE.format(options=" expect=DG201") + "\n" + FENCE.format(options="") + "\n"
            + FENCE.format(options="") + "\n```dockerfile title=\"<img src=x onerror=alert(1)>\"\n"
            '--8<-- "leak.txt"\n```\n')
    (site / "docs" / XSS_PAGE).write_text(body)
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, result


def test_report_page_has_no_javascript_link(hostile_site):
    site, _ = hostile_site
    html = (site / "site" / "checks" / "index.html").read_text()
    assert not re.search(r"""href=["']?\s*javascript:""", html, re.I)
    assert "click me" in html  # the page is listed, as text


def test_canary_never_reaches_site_or_log(hostile_site):
    site, result = hostile_site
    assert CANARY not in result.stderr + result.stdout
    for path in (site / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            assert CANARY not in path.read_text(errors="replace"), path
    assert "DG008" in result.stderr


def test_malformed_fence_does_not_lend_its_box(hostile_site):
    site, result = hostile_site
    html = next((site / "site").glob("x*/index.html")).read_text()
    boxes = re.findall(r'data-snipcheck-status="(\w+)"', html)
    # As SuperFences renders it, the malformed fence is text and its closing line opens a plain
    # fence that swallows the next one; the checker sees the same blocks, so the third fence and
    # the include each get their own box, and no box is left over or borrowed.
    assert boxes == ["pass", "fail"], boxes
    assert "did not find" not in result.stderr and "were not rendered" not in result.stderr


def test_hostile_title_option_is_escaped(hostile_site):
    site, _ = hostile_site
    html = next((site / "site").glob("x*/index.html")).read_text()
    assert "<img src=x" not in html


def test_non_utf8_page_names_the_file_without_traceback(tmp_path):
    site = copy_site(tmp_path / "site")
    (site / "docs" / "latin1.md").write_bytes(b"# caf\xe9\n")
    result = build(site, strict=False)
    assert "latin1.md" in result.stderr
    assert "snipcheck" not in result.stderr.split("Traceback")[-1] if "Traceback" in result.stderr else True


@pytest.mark.browser
def test_clicking_the_report_link_runs_no_script(hostile_site):
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, CHROMIUM

    site, _ = hostile_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page()
            dialogs = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/checks/")
            link = page.locator("a", has_text="click me").first
            href = link.get_attribute("href")
            assert href and not href.lower().startswith("javascript:")
            link.click()
            page.wait_for_load_state()
            # the link leads to the hostile page itself, and nothing ran on the way
            assert "Hostile" in page.content()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/" + href.removeprefix("../"))
            assert dialogs == []
            browser.close()
    finally:
        server.shutdown()
