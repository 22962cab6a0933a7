"""The built site in headless Chromium: results visible, links work, search works, screenshots."""

import functools
import http.server
import threading
from pathlib import Path

import pytest
from sitecopy import ROOT, build, copy_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = "/usr/bin/chromium"
# Every host but this machine's fails at once (the pages ask fonts.googleapis.com for Material's font;
# with no network, a load could wait seconds for the resolver to give up). Offline readers see the same.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
SHOTS = ROOT / ".screenshots"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("browser"))
    result = build(site, strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make system` (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_result_box_under_bad_example_links_to_rule_page(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "rules/dg301/")
    box = page.locator(".snipcheck-expected").first
    assert box.is_visible()
    assert "Deliberate bad example" in box.inner_text()
    highlighted = page.locator(".highlight:has(.snipcheck-expected) .hll")
    assert highlighted.count() >= 1  # the offending line is marked
    page.locator(".snipcheck-expected a.snipcheck-rule").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/rules/dg301/") and "DG301" in page.locator("h1").inner_text()
    page.close()


def test_search_finds_rule_text_but_not_results(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url)
    page.wait_for_timeout(1000)  # the search worker loads its index
    page.keyboard.press("s")  # Material's shortcut opens the search dialog
    page.keyboard.type("heredoc", delay=50)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert page.locator(".md-search-result__item").count() > 0
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("intended", delay=50)  # only result boxes say "... as intended"; they are excluded
    page.wait_for_timeout(1500)
    items = page.locator(".md-search-result__item").all_inner_texts()
    assert not any("as intended" in item for item in items), items
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_loads_and_screenshots_of_each_kind(browser, site_url, width):
    """Every page of the nav loads; full-page screenshots, for a person to look at in .screenshots/, of
    the guide's own pages and the first three rule pages. The 110 rule pages share one template, and
    their screenshots were most of this test's time (about 0.4 s a page here)."""
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url)
    links = {a.get_attribute("href") for a in page.locator("nav.md-nav--primary a.md-nav__link[href]").all()}
    urls = sorted({site_url} | {page.url.rsplit("/", 1)[0] + "/" + h for h in links if h and not h.startswith(("http", "#"))})
    rule_pages = [url for url in urls if "/rules/dg" in url]
    shown = [url for url in urls if url not in rule_pages] + rule_pages[:3]
    for url in urls:
        response = page.goto(url)
        assert response is not None and response.ok, url
        if url in shown:
            name = url.replace(site_url, "").strip("/").replace("/", "_").replace(".", "") or "index"
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert len(rule_pages) > 100 and len(shown) >= 20
    page.close()
