"""SiteChecks without a server: per-build reset, and reuse of unchanged results across rebuilds."""

import logging
from pathlib import Path

from mkdocs.config import load_config

from snipcheck.config import Config
from snipcheck.model import Severity
from snipcheck.records import replace
from snipcheck.site import SiteChecks

ROOT = Path(__file__).resolve().parents[1]
PAGE = "# P\n\n```dockerfile\nFROM alpine:3.24\nUSER 65534:65534\n```\n"


def configured():
    checks = SiteChecks(logging.getLogger("mkdocs.plugins.snipcheck.test"))
    config = load_config(str(ROOT / "mkdocs.yml"))
    checks.configure(config, Config(), [ROOT / "snippets"])
    return checks, config


def _first_result(checks, page: str):
    return checks.report.results[checks.by_page[page][0]]


def test_unchanged_snippets_reuse_results_and_changed_ones_are_rechecked():
    checks, config = configured()
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    first = _first_result(checks, "p.md")
    checks.configure(config, Config(), [ROOT / "snippets"])  # what `mkdocs serve` does on every rebuild
    assert checks.by_page == {} and checks.report is None
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    assert _first_result(checks, "p.md") is first
    checks.configure(config, Config(), [ROOT / "snippets"])
    checks.check_pages({"p.md": PAGE.replace("USER 65534:65534", "COPY .env /app/.env")}, lambda page: None)
    again = _first_result(checks, "p.md")
    assert again is not first and again.status == "fail" and again.findings[0].rule == "DG803"


def test_a_config_change_drops_the_cache():
    checks, config = configured()
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    assert checks.cache
    checks.configure(config, Config(fail_on=Severity.ERROR), [ROOT / "snippets"])
    assert not checks.cache


def test_place_boxes_puts_each_box_once_and_leaves_anything_else_as_written():
    checks, _ = configured()
    checks.config = replace(checks.config, rule_pages=True)
    checks.rule_urls = {"DG301": "rules/dg301/"}
    first = checks.box_placeholder('<div class="box"><a class="snipcheck-rule" href="snipcheck:rule/DG301">DG301</a></div>')
    second = checks.box_placeholder("<div>two</div>")
    mark = checks.box_mark
    page = (f"<nav>{'x' * 50_000}</nav>{first}<p>between</p>{second}<!-- an author's comment -->"
            f"{mark}99-->{mark}not a number-->{mark}7{mark}")
    placed = checks.place_boxes(page, "guide/images/")
    assert placed == (f"<nav>{'x' * 50_000}</nav>"
                      '<div class="box"><a class="snipcheck-rule" href="../../rules/dg301/">DG301</a></div>'
                      f"<p>between</p><div>two</div><!-- an author's comment -->"
                      f"{mark}99-->{mark}not a number-->{mark}7{mark}")  # no box 99; not placeholders
    assert checks.placed == {0, 1}
    on_rule_page = checks.place_boxes(first, "rules/dg301/")
    assert 'href="./"' in on_rule_page  # the rule page's own example links to itself as MkDocs does
    assert checks.place_boxes("<p>no boxes</p>", "") == "<p>no boxes</p>"
