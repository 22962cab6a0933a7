"""Every rule's docstring is its documentation page: headings present, Example triggers the rule
and nothing else, Use instead is clean (pylint's bad.py/good.py, as tests)."""

import re
from pathlib import Path

import pytest
from spec import RULES

from snipcheck.checker import BUILD_RULE_IDS, check_snippet, check_text
from snipcheck.claims import RULE as CLAIM_RULE
from snipcheck.config import Config
from snipcheck.internal_errors import RULE_ID as INTERNAL_ERROR
from snipcheck.collect import make_reader, with_dockerignore
from snipcheck.markdown import extract
from snipcheck.registry import RuleSet
from snipcheck.rulekit import DOC_HEADINGS
from snipcheck.snippets import FenceOptions


SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


_read_snippet = make_reader([SNIPPETS], SNIPPETS.parent)  # the same containment the site has


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


# DG016 judges the page text against measurements, not a Dockerfile: tests/test_claims.py runs its examples.
# DG017 is the checker's own failure, which no page can cause on purpose: its Example is a report line,
# its Use instead a configuration; tests/test_internal_errors.py holds the line to what a failure prints.
NOT_A_DOCKERFILE_EXAMPLE = {CLAIM_RULE, INTERNAL_ERROR}
STATIC_RULES = [r for r in RULES.all if r.id not in BUILD_RULE_IDS and r.id not in NOT_A_DOCKERFILE_EXAMPLE]
BUILD_RULES = [r for r in RULES.all if r.id in BUILD_RULE_IDS]


@pytest.mark.parametrize("rule", BUILD_RULES, ids=lambda r: r.id)
def test_build_rule_examples_are_statically_clean(rule):
    # Only a real build shows these; tests/test_builder.py builds both examples with Docker.
    assert _check_block(rule, "Example") == set() and _check_block(rule, "Use instead") == set()


@pytest.mark.parametrize("rule", STATIC_RULES, ids=lambda r: r.id)
def test_example_triggers_only_this_rule(rule):
    assert _check_block(rule, "Example") == {rule.id}


@pytest.mark.parametrize("rule", [r for r in RULES.all if r.id != INTERNAL_ERROR], ids=lambda r: r.id)
def test_use_instead_is_clean(rule):
    assert _check_block(rule, "Use instead") == set()


def test_ids_and_names_are_unique():
    assert len({r.id for r in RULES.all}) == len(RULES.all)
    assert len({r.name for r in RULES.all}) == len(RULES.all)


def test_a_backslash_at_the_end_of_a_line_stays_in_the_rule_page():
    """A docstring that is not raw turns `\\` + newline into nothing, so a RUN with continuation
    lines would show on the rule page as one long line; every docstring keeps its lines."""
    import ast
    import inspect

    from snipcheck.rules import ALL_RULES

    for r in ALL_RULES:
        source = inspect.getsource(inspect.getmodule(r.check))
        function = next(n for n in ast.walk(ast.parse(source))
                        if isinstance(n, ast.FunctionDef) and n.name == r.check.__name__)
        written = ast.get_source_segment(source, function.body[0].value)
        assert r.check.__doc__.count("\n") == written.count("\n"), f"{r.id}: make its docstring r\"\"\""
