"""The rule index page: its two tables are HTML kept in comments through Python-Markdown and opened
by the hook afterwards, with one row per rule, every text escaped and its `code` spans shown."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from snipcheck.registry import RuleSet
from snipcheck.report.html import RULE_LINK
from snipcheck.rulepages import _hidden, index_page, shown_tables

RULES = RuleSet().all
# the guide's extensions that treat raw HTML: the comments must come out as they went in
EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "pymdownx.superfences"]


def converted() -> str:
    return shown_tables(markdown.markdown(index_page(RULES), extensions=EXTENSIONS))


def cells(table: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in rows]


def test_both_tables_come_through_markdown_with_a_row_per_rule():
    page = converted()
    tables = re.findall(r"<table>.*?</table>", page, re.S)
    assert len(tables) == 2 and "snipcheck-table" not in page
    rules, severities = (cells(t) for t in tables)
    assert [row[0] for row in rules] == [r.id for r in RULES]
    assert [row[0] for row in severities] == [f"{r.id} {r.name}" for r in RULES]
    for rule, row in zip(RULES, rules):
        assert row[1:4] == [rule.name, f"{rule.severity}", ", ".join(rule.aliases) or "—"]
        assert row[4].startswith(rule.summary.replace("`", ""))  # code spans shown as <code>, nothing lost
    for rule, row in zip(RULES, severities):
        assert row[3] == rule.severity_reason.replace("`", "")
    links = re.findall(r'href="([^"]+)"', page)
    assert sorted(links) == sorted(f"{RULE_LINK}{r.id}" for r in RULES for _ in range(2))


def test_texts_are_escaped_and_a_pipe_is_kept():
    page = converted()
    assert "<code>npm install &lt;pkg&gt;</code>" in page  # DG215's summary: a code span with <pkg> in it
    assert "<code>curl ... | sh</code>" in page  # a Markdown table cell wrote this as "curl ... / sh"


def test_a_table_that_could_end_its_comment_is_refused():
    with pytest.raises(ValueError):
        _hidden("<table><tr><td>a --> b</td></tr></table>")


def test_a_severity_reason_is_a_whole_sentence_not_cut_inside_a_code_span():
    # DG904's was "`COPY ." (the first full stop was inside `COPY . .`), on the site for every reader
    assert all(r.severity_reason.count("`") % 2 == 0 for r in RULES)
    assert next(r for r in RULES if r.id == "DG904").severity_reason.startswith("`COPY . .` copies the whole context")


def test_a_markdown_example_keeps_its_inner_fence_as_the_reader_writes_it():
    from snipcheck.rulepages import _declare_example

    doc = ("## Example\n~~~markdown\n```dockerfile fragment\nWORKDIR /src\n```\n~~~\n\n"
           "## Use instead\n```dockerfile\nFROM alpine:3.24\n```\n")
    page = _declare_example(doc, "DG005")
    assert "```dockerfile fragment\nWORKDIR" in page and 'expect="DG005"' not in page
    assert '```dockerfile title="Use instead"\nFROM alpine:3.24' in page
    assert '```dockerfile expect="DG201" title="Example"' in _declare_example(
        "## Example\n```dockerfile\nFROM alpine\n```\n", "DG201")
