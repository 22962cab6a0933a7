"""The check cache under `mkdocs build`: a second build with nothing changed runs no rule at all."""

import json
import logging

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from rulecount import counting_rule_calls
from sitecopy import build, copy_site

pytestmark = pytest.mark.slow


def build_in_process(site, out):
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    mkdocs_build(load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out)))
    return json.loads((out / "checks" / "report.json").read_text())["summary"]


def test_second_build_counts_no_rule_calls_and_one_edit_costs_one_snippet(tmp_path, monkeypatch):
    # two copies: MkDocs keeps a hook module per path for the life of the process, and with it the
    # hook's in-memory results; the second copy starts with only the cache on disk
    site, again = copy_site(tmp_path / "site"), copy_site(tmp_path / "again")
    monkeypatch.setenv("SNIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SNIPCHECK_JOBS", "1")  # rule calls are counted in this process
    with counting_rule_calls() as calls:
        first = build_in_process(site, tmp_path / "out1")
    # about 8,000: the rules the pipeline reports (DG002-DG016) are never called
    assert first["cost"]["checked"] == first["snippets"] > 200 and sum(calls.values()) > 5_000
    with counting_rule_calls() as calls:
        second = build_in_process(again, tmp_path / "out2")
    assert calls == {} and second["cost"] == {"from_memory": 0, "from_disk": first["snippets"], "checked": 0,
                                              "workers": 1, "alongside": False}
    reports = [json.loads((tmp_path / out / "checks" / "report.json").read_text()) for out in ("out1", "out2")]
    for report in reports:
        del report["summary"]["cost"]
    assert reports[0] == reports[1]
    page = again / "docs" / "hardening.md"
    text = page.read_text()
    page.write_text(text.replace("--no-create-home", "--no-create-home --no-log-init", 1))
    with counting_rule_calls() as calls:
        third = build_in_process(again, tmp_path / "out3")
    assert third["cost"]["checked"] == 1 and third["cost"]["from_memory"] == third["snippets"] - 1
    assert 0 < max(calls.values()) == 1


def test_cache_false_in_mkdocs_yml_checks_every_time(tmp_path):
    site = copy_site(tmp_path / "site")
    config = site / "mkdocs.yml"
    text = config.read_text()
    assert "  - snipcheck:\n" in text  # the plugin's options
    config.write_text(text.replace("  - snipcheck:\n", f"  - snipcheck:\n      cache: false\n"
                                                        f"      cache_dir: {tmp_path / 'cache'}\n"))
    for _ in range(2):
        done = build(site)
        assert done.returncode == 0, done.stderr
        cost = json.loads((site / "site" / "checks" / "report.json").read_text())["summary"]["cost"]
        assert cost["checked"] > 200 and cost["from_disk"] == 0
    assert not (tmp_path / "cache").exists()


def test_a_second_build_reuses_every_page_scan_and_an_edited_include_is_scanned_again(tmp_path, monkeypatch):
    site = copy_site(tmp_path / "site")
    monkeypatch.setenv("SNIPCHECK_CACHE_DIR", str(tmp_path / "cache"))
    html = {}
    for n in range(3):
        if n == 2:  # an include edited: the pages that include it are scanned again, and show the edit
            include = site / "snippets" / "examples" / "slim-exec-form.Dockerfile"
            include.write_text(include.read_text() + "# scan-cache-marker\n")
        done = build(site)
        assert done.returncode == 0, done.stderr
        summary = json.loads((site / "site" / "checks" / "report.json").read_text())["summary"]
        html[n] = sorted((p.relative_to(site / "site"), p.read_bytes()) for p in (site / "site").rglob("*.html"))
        if n == 0:
            pages = summary["pages"]["scanned"]
            assert pages > 100 and summary["pages"]["fences_from_cache"] == 0
        elif n == 1:
            assert summary["pages"] == {"fences_from_cache": pages, "scanned": 0}
            assert html[1] == html[0]
        else:
            assert 0 < summary["pages"]["scanned"] < 5
            assert summary["pages"]["fences_from_cache"] + summary["pages"]["scanned"] == pages
            assert html[2] != html[1]
    assert b"scan-cache-marker" in b"".join(content for _, content in html[2])
    assert b"scan-cache-marker" not in b"".join(content for _, content in html[1])
