"""`mkdocs serve` for real: answers on 127.0.0.1, shows results, and re-checks when a snippet changes."""

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest
from sitecopy import MKDOCS, copy_site

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except OSError:
        return None


def wait_for(predicate, timeout=120.0, step=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


@pytest.fixture
def served(tmp_path):
    site = copy_site(tmp_path)
    (site / "snippets" / "live.Dockerfile").write_text("FROM alpine:3.24\nUSER 65534:65534\n")
    page = site / "docs" / "index.md"
    page.write_text(page.read_text() + '\n\n## Live\n\n```dockerfile\n--8<-- "live.Dockerfile"\n```\n')
    with serving(MKDOCS, site, {**os.environ, "NO_MKDOCS_2_WARNING": "1"}) as (url, _):
        yield site, url


@contextlib.contextmanager
def serving(mkdocs: str, site, env):
    """`mkdocs serve --livereload` on a free loopback port: yields (url, process); stopped after."""
    port = free_port()
    proc = subprocess.Popen([str(mkdocs), "serve", "--livereload", "-a", f"127.0.0.1:{port}"], cwd=site, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield f"http://127.0.0.1:{port}/", proc
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C, as an author stops it: serve then removes its temporary site
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve_answers_and_rechecks_changed_snippets(served):
    site, url = served
    home = wait_for(lambda: fetch(url))
    assert home and 'data-snipcheck-status="pass"' in home
    assert 'data-snipcheck-status="fail"' not in home
    (site / "snippets" / "live.Dockerfile").write_text("FROM alpine:3.24\nUSER root\n")
    changed = wait_for(lambda: (lambda h: h if h and 'data-snipcheck-status="fail"' in h else None)(fetch(url)), timeout=60)
    assert changed and "DG702" in changed
    rules = fetch(url + "rules/")
    assert rules and "Rule reference" in rules
