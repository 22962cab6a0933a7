"""The fixture site (not ours) built from the wheel in a fresh venv, in headless Chromium: with
the plugin on and a result box shown under an annotated block, Material's annotation bubble
still opens on click, and the highlighted lines are the author's own."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from freshenv import fixture_site, run, site_bin, wheel  # noqa: F401 (fixtures)
from test_browser import browser  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow, pytest.mark.browser]
NOTE = "A static binary: the distroless image has no C library to link against."


@pytest.fixture
def served_site(site_bin, fixture_site):
    page = fixture_site / "docs" / "index.md"
    text = page.read_text()
    # The annotated block fails (runs as root): its result box is shown, the case that broke annotations.
    page.write_text(text.replace('COPY --from=build /out/app /app\nENTRYPOINT', 'COPY --from=build /out/app /app\n'
                                 'USER root\nENTRYPOINT', 1))
    run([site_bin / "mkdocs", "build"], cwd=fixture_site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(fixture_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_annotation_bubble_opens_beside_a_result_box_and_highlights_are_the_authors(browser, served_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_site)
    block = page.locator(".annotate.highlight").first
    assert block.locator(".snipcheck-fail").is_visible()  # the result box is there ...
    assert page.locator("ol").filter(has_text=NOTE).count() == 0  # ... and Material took the list in
    marker = block.locator(".md-annotation").first
    marker.click()
    assert page.get_by_text(NOTE).is_visible()  # the bubble opened
    assert block.locator(".hll").count() == 2  # hl_lines="2 3": no line added for the finding
    assert "WORKDIR" in block.locator(".hll").first.inner_text()
    page.close()
