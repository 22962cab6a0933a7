"""rules/catalog.py: every rule's declaration, so that a run imports only the rules that may fire.

It must say exactly what the @rule decorators say (regenerate with tools/rule_catalog.py); a rule
whose module disagrees refuses to run; and a run over the catalog finds what the imported rules find.
"""

from snipcheck.records import fields, replace
from pathlib import Path

import pytest

from snipcheck.checker import check_snippet
from snipcheck.config import Config
from snipcheck.registry import RuleSet
from snipcheck.rulecatalog import catalog_text
from snipcheck.rulekit import CatalogError, DeferredCheck, catalog_rule
from snipcheck.rules import ALL_RULES
from snipcheck.rules.catalog import RULES
from snipcheck.snippets import snippet_from_dockerfile

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "hooks" / "snipcheck" / "rules" / "catalog.py"
DG701 = next(r for r in ALL_RULES if r.id == "DG701")


def catalog_dg701(attribute: str = DG701.check.__name__, **change):
    """DG701 as a catalog would declare it, with `change` made to the declaration."""
    declared = {f.name: getattr(DG701, f.name) for f in fields(DG701) if f.name != "check"}
    return catalog_rule(DG701.check.__module__, attribute, **{**declared, "severity": str(DG701.severity), **change})


def test_the_catalog_is_what_the_decorators_declare():
    assert CATALOG.read_text(encoding="utf-8") == catalog_text(ALL_RULES), \
        "rules/catalog.py is stale: run `python tools/rule_catalog.py`"


def test_the_registry_knows_every_rule_in_order_from_the_catalog():
    ruleset = RuleSet()
    assert ruleset.all is RULES
    assert [r.id for r in ruleset.all] == [r.id for r in ALL_RULES]
    assert ruleset.all == ALL_RULES  # every declared field (the check function is not compared)


def test_a_catalog_rule_loads_its_module_on_first_use_and_then_runs_the_real_check():
    fresh = catalog_dg701()
    assert isinstance(fresh.check, DeferredCheck)
    assert fresh.loaded().check is DG701.check
    assert fresh.doc == DG701.doc and fresh.doc


@pytest.mark.parametrize("change", [{"summary": "an old summary"}, {"requires": ("cmd",)}, {"severity": "info"}])
def test_a_rule_whose_module_declares_otherwise_refuses_to_run(change):
    stale = catalog_dg701(**change)
    df_text = "FROM alpine:3.20\nCMD [\"/app\"]\n"
    with pytest.raises(CatalogError, match=r"users\.final_stage_runs_as_root.*tools/rule_catalog\.py"):
        check_snippet(snippet_from_dockerfile("Dockerfile", df_text), RuleSet(Config(), all_rules=(stale,)))


def test_a_missing_rule_function_refuses_to_run():
    gone = catalog_dg701("renamed_away")
    with pytest.raises(CatalogError):
        gone.loaded()


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "snippets" / "examples").glob("*.Dockerfile"))] + \
           [r.doc_code("Example") for r in ALL_RULES if r.doc_code("Example")]


def test_the_catalog_finds_what_the_imported_rules_find():
    texts = _texts()
    assert len(texts) > 100
    config = Config()
    lazy, imported = RuleSet(config), RuleSet(config, all_rules=ALL_RULES)
    for text in texts:
        snippet = snippet_from_dockerfile("Dockerfile", text)
        assert check_snippet(snippet, lazy, config) == check_snippet(snippet, imported, config), text


def test_regenerating_writes_nothing_new(tmp_path):
    """The tool's output for the rules as they are is the file as committed (it is what the first test
    compares); changing a declaration changes the text (the test can fail)."""
    changed = tuple(replace(r, summary=r.summary + " (changed)") if r.id == "DG701" else r for r in ALL_RULES)
    assert catalog_text(changed) != CATALOG.read_text(encoding="utf-8")
