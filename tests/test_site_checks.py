"""SiteChecks without a server: per-build reset, and reuse of unchanged results across rebuilds."""

import logging
from pathlib import Path

from mkdocs.config import load_config

from snipcheck.config import Config
from snipcheck.model import Severity
from snipcheck.site import SiteChecks

ROOT = Path(__file__).resolve().parents[1]
PAGE = "# P\n\n```dockerfile\nFROM alpine:3.24\nUSER 65534:65534\n```\n"


def configured():
    checks = SiteChecks(logging.getLogger("mkdocs.plugins.snipcheck.test"))
    config = load_config(str(ROOT / "mkdocs.yml"))
    checks.configure(config, Config(), [ROOT / "snippets"])
    return checks, config


def test_unchanged_snippets_reuse_results_and_changed_ones_are_rechecked():
    checks, config = configured()
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    first = checks.by_page["p.md"][0]
    checks.configure(config, Config(), [ROOT / "snippets"])  # what `mkdocs serve` does on every rebuild
    assert checks.by_page == {} and checks.report is None
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    assert checks.by_page["p.md"][0] is first
    checks.configure(config, Config(), [ROOT / "snippets"])
    checks.check_pages({"p.md": PAGE.replace("65534:65534", "root")}, lambda page: None)
    again = checks.by_page["p.md"][0]
    assert again is not first and again.status == "fail" and again.findings[0].rule == "DG702"


def test_a_config_change_drops_the_cache():
    checks, config = configured()
    checks.check_pages({"p.md": PAGE}, lambda page: None)
    assert checks.cache
    checks.configure(config, Config(fail_on=Severity.ERROR), [ROOT / "snippets"])
    assert not checks.cache
