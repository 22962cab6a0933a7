"""Every rule's docstring is its documentation page: headings present, Example triggers the rule
and nothing else, Use instead is clean (pylint's bad.py/good.py, as tests)."""

import re
from pathlib import Path

import pytest
from spec import RULES

from snipcheck.checker import BUILD_RULE_IDS, check_snippet, check_text
from snipcheck.config import Config
from snipcheck.collect import with_dockerignore
from snipcheck.markdown import extract
from snipcheck.registry import RuleSet
from snipcheck.rulekit import DOC_HEADINGS
from snipcheck.snippets import FenceOptions


SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def _read_snippet(name):
    path = SNIPPETS / name
    return (f"snippets/{name}", path.read_text()) if path.is_file() else None


def _check_block(rule, heading):
    code = rule.doc_code(heading)
    # A rule that is off by default is documented as it behaves once enabled.
    rules = RULES if rule.default_enabled else RuleSet(Config(enable=(rule.id,)))
    if rule.doc_language(heading) == "markdown":
        snippets, problems = extract("example.md", code, _read_snippet, rules.ids)
        results = [check_snippet(with_dockerignore(s, _read_snippet), rules) for s in snippets]
        return {p.rule for p in problems} | {f.rule for r in results for f in r.findings if not f.expected}
    fragment = re.search(r"^(```|~~~)dockerfile fragment", rule.doc_section(heading), re.M) is not None
    # As on the rule's page (rulepages.py), the Example fence declares that it shows this rule.
    expect = (rule.id,) if heading == "Example" else ()
    return {f.rule for f in check_text(code, rules, options=FenceOptions(fragment=fragment, expect=expect)).findings}


@pytest.mark.parametrize("rule", RULES.all, ids=lambda r: r.id)
def test_doc_has_every_heading(rule):
    headings = re.findall(r"^## (.+)$", rule.doc, re.M)
    assert headings == list(DOC_HEADINGS)
    assert rule.doc_code("Example").strip() and rule.doc_code("Use instead").strip()


STATIC_RULES = [r for r in RULES.all if r.id not in BUILD_RULE_IDS]
BUILD_RULES = [r for r in RULES.all if r.id in BUILD_RULE_IDS]


@pytest.mark.parametrize("rule", BUILD_RULES, ids=lambda r: r.id)
def test_build_rule_examples_are_statically_clean(rule):
    # Only a real build shows these; tests/test_builder.py builds both examples with Docker.
    assert _check_block(rule, "Example") == set() and _check_block(rule, "Use instead") == set()


@pytest.mark.parametrize("rule", STATIC_RULES, ids=lambda r: r.id)
def test_example_triggers_only_this_rule(rule):
    assert _check_block(rule, "Example") == {rule.id}


@pytest.mark.parametrize("rule", RULES.all, ids=lambda r: r.id)
def test_use_instead_is_clean(rule):
    assert _check_block(rule, "Use instead") == set()


def test_ids_and_names_are_unique():
    assert len({r.id for r in RULES.all}) == len(RULES.all)
    assert len({r.name for r in RULES.all}) == len(RULES.all)
