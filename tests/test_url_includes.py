"""Includes of URLs in a Dockerfile block (`--8<-- "https://..."`). With pymdownx.snippets'
`url_download` the site downloads them when it is built; the checker never downloads. Before, such
a block was "included file not found" plus "the Dockerfile is empty", and a warning that the block
was not rendered, while the text the reader sees went unchecked. Now `mkdocs build` checks the block
as rendered (real builds against a local HTTP server) and the CLI skips it, saying why."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from snipcheck.checker import check_snippet
from snipcheck.collect import make_reader
from snipcheck.config import Config
from snipcheck.markdown import extract
from snipcheck.registry import RuleSet
from snipcheck.scancache import ScanCache

BIN = Path(sys.executable).parent
RULES = RuleSet()
URL = "https://example.org/app/Dockerfile"
PAGE = f'# App\n\n```dockerfile\n--8<-- "{URL}"\n```\n\nAnd a page include:\n\n--8<-- "https://example.org/notes.md"\n'


def test_a_downloaded_include_is_carried_by_its_block_which_is_skipped_with_the_reason(tmp_path):
    read = make_reader([tmp_path], tmp_path, downloads=True)
    snippets, problems = extract("docs/app.md", PAGE, read, RULES.ids)
    assert problems == []  # the page-level include is pymdownx.snippets' business, as without the checker
    (snippet,) = snippets
    assert snippet.downloads == (URL,) and snippet.problems == ()
    result = check_snippet(snippet, RULES, Config())
    assert result.status == "skipped" and result.findings == ()
    assert URL in snippet.skip_reason and "url_download" in snippet.skip_reason


def test_a_fence_that_says_skip_keeps_its_own_reason():
    read = make_reader([Path(".")], Path("."), downloads=True)
    page = f'```dockerfile skip="vendor file"\n--8<-- "{URL}"\n```\n'
    (snippet,), _ = extract("docs/app.md", page, read, RULES.ids)
    assert snippet.skip_reason == "vendor file"


def test_without_url_download_the_url_is_not_read_and_the_message_says_so(tmp_path):
    read = make_reader([tmp_path], tmp_path)
    (snippet,), _ = extract("docs/app.md", PAGE, read, RULES.ids)
    assert snippet.downloads == ()
    (problem,) = snippet.problems
    assert problem.rule == "DG005" and problem.message.startswith(f"included URL not read: {URL!r}")


def test_the_scan_cache_keeps_the_downloads(tmp_path):
    read = make_reader([tmp_path], tmp_path, downloads=True)
    first = ScanCache.for_site(tmp_path / "scans", tmp_path, "fingerprint", RULES.ids, True, None)
    fresh = first.extract(extract, "docs/app.md", PAGE, read, known_rules=RULES.ids)
    first.save()
    second = ScanCache.for_site(tmp_path / "scans", tmp_path, "fingerprint", RULES.ids, True, None)
    assert second.extract(extract, "docs/app.md", PAGE, read, known_rules=RULES.ids) == fresh
    assert second.hits == 1 and fresh[0][0].downloads == (URL,)
    # the site switching url_download off is a miss: the include is read (and not found) again
    again = second.extract(extract, "docs/app.md", PAGE, make_reader([tmp_path], tmp_path), known_rules=RULES.ids)
    assert again[0][0].downloads == () and second.misses == 1


@pytest.mark.parametrize("value", [True, False, None, 1, 0, "yes", "no", "on", "off", "1", "0", "TRUE", "false",
                                   "none", "y", "n"])
def test_the_plugin_and_the_cli_read_url_download_as_pymdownx_does(value):
    from markdown.util import parseBoolValue

    from snipcheck import mkdocs_yml, site_setup

    expected = parseBoolValue(value)  # how Python-Markdown hands a yes/no setting to pymdownx.snippets
    configs = {"pymdownx.snippets": {"url_download": value}}
    assert site_setup.downloads_urls(["pymdownx.snippets"], configs) is expected
    site = {"site_name": "x", "markdown_extensions": [{"pymdownx.snippets": {"url_download": value}}]}
    assert mkdocs_yml.options(site).get("snippets_url_download", False) is expected


# -- real builds and CLI runs ------------------------------------------------------------------------

@pytest.fixture
def served(tmp_path):
    """A local HTTP server: what the site downloads (the folder's files)."""
    folder = tmp_path / "served"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def make_site(folder: Path, url: str, url_download: bool = True) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(
        "site_name: Downloads\nplugins:\n  - snipcheck\nmarkdown_extensions:\n  - pymdownx.superfences\n"
        f"  - pymdownx.snippets:\n      url_download: {str(url_download).lower()}\n")
    (folder / "docs" / "index.md").write_text(f'# Home\n\nThe app:\n\n```dockerfile\n--8<-- "{url}/Dockerfile"\n```\n')
    return folder


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.slow
def test_mkdocs_build_checks_the_block_as_downloaded(tmp_path, served):
    files, url = served
    site = make_site(tmp_path / "site", url)
    (files / "Dockerfile").write_text("FROM alpine:latest\nUSER 65534\n")
    done = run([str(BIN / "mkdocs"), "build", "--strict"], site)
    assert done.returncode == 1
    assert (f"docs/index.md:5: DG201 warning: alpine:latest uses the moving tag 'latest': pin a version (line 1 of "
            f"the block as rendered, with {url}/Dockerfile downloaded by pymdownx.snippets)") in done.stderr
    for wrong in ("DG001", "DG005", "not rendered as code blocks"):
        assert wrong not in done.stderr
    (files / "Dockerfile").write_text("FROM alpine:3.24\nUSER 65534\n")
    done = run([str(BIN / "mkdocs"), "build", "--strict"], site)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 of them with an include pymdownx.snippets downloads (url_download), checked as rendered too: 0 failed" \
        in done.stderr
    html = (site / "site" / "index.html").read_text()
    assert "alpine:3.24" in html and "snipcheck" in html  # the block as downloaded, with its result box


@pytest.mark.slow
def test_the_cli_skips_the_block_when_the_site_downloads_and_says_why_when_it_does_not(tmp_path, served):
    _, url = served
    site = make_site(tmp_path / "site", url)
    done = run([str(BIN / "snipcheck"), "check", "docs"], site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 skipped" in done.stdout and "DG001" not in done.stdout
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text().replace("url_download: true",
                                                                               "url_download: false"))
    done = run([str(BIN / "snipcheck"), "check", "docs"], site)
    assert done.returncode == 1
    assert f"DG005 error: included URL not read: '{url}/Dockerfile'" in done.stdout


HOSTILE_URL = "https://evil.invalid/<img src=x onerror=alert(1)>\x1b[2J\x1b]0;owned\x07"


@pytest.mark.slow
def test_a_hostile_url_is_escaped_in_the_result_box_and_in_the_build_log(tmp_path):
    """A docs pull request names a URL made to run script in the page or to drive the CI terminal."""
    site = make_site(tmp_path / "site", "https://unused.invalid", url_download=False)
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text().replace("  - snipcheck\n",
                                                                               "  - snipcheck:\n      show: all\n"))
    (site / "docs" / "index.md").write_text(f'# Home\n\n```dockerfile\nFROM alpine:3.24\n--8<-- "{HOSTILE_URL}"\n'
                                            f'USER 65534\n```\n')
    done = run([str(BIN / "mkdocs"), "build"], site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "DG005 error: included URL not read" in done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr  # shown as \x1b, \x07: no terminal control
    html = (site / "site" / "index.html").read_text()
    box = html[html.index('class="snipcheck-findings"'):]
    assert "DG005" in box and "&lt;img src=x onerror=alert(1)&gt;" in box
    assert "<img" not in box and "\x1b" not in html
    done = run([str(BIN / "snipcheck"), "check", "docs"], site)
    assert done.returncode == 1 and "DG005" in done.stdout
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
