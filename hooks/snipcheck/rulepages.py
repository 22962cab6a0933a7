"""The rule reference, generated from the rules themselves (never kept by hand).

`rule_pages()` returns {path under docs: Markdown}: an index and one page per rule. Each page's
Example fence is declared as a bad example of that rule, so the site build re-checks every doc. The
index's tables are HTML in comments, which the hook opens in the converted page (`shown_tables()`).
"""

from __future__ import annotations

import re
import importlib

from .escape import html_text
from .profiles import profile_severity
from .report.html import RULE_LINK, html_table, message_html
from .rulekit import Rule

FOLDER = "rules"
INDEX_PAGE = f"{FOLDER}/index.md"


def page_path(rule_id: str) -> str:
    return f"{FOLDER}/{rule_id.lower()}.md"


def family(rule: Rule) -> str:
    """The rule's family, as its family package's docstring names it ("Go builds (DG4xx)")."""
    package = importlib.import_module(rule.module.rsplit(".", 1)[0])  # the family only: rules stay unloaded
    first = (package.__doc__ or "").strip().split("\n")[0]
    return first.split("):")[0] + ")" if "):" in first else package.__name__.rsplit(".", 1)[-1]


def nav_sections(rules: tuple[Rule, ...]) -> list[dict]:
    """The rule pages grouped by family, as MkDocs nav entries (titles come from the pages)."""
    groups: dict[str, list[str]] = {}
    for rule in rules:
        groups.setdefault(family(rule), []).append(page_path(rule.id))
    return [{title: paths} for title, paths in groups.items()]


def rule_page(rule: Rule, has_page=lambda path: True) -> str:
    """One rule's page; the "Explained in" link only when `has_page` says the site has that page."""
    linked = rule.guide and has_page(rule.guide.partition("#")[0])
    guide = f"[{_guide_title(rule.guide)}](../{rule.guide})" if linked else "—"
    aliases = ", ".join(f"`{a}`" for a in rule.aliases) or "none"
    state = "on" if rule.default_enabled else "off (enable it with `enable: [" + rule.id + "]`)"
    # Shown include lines must not be expanded by pymdownx.snippets: escape them with ';'.
    body = re.sub(r"^(\s*)(-{1,}8<-{1,})", r"\1;\2", _declare_example(rule.doc, rule.id), flags=re.M)
    return (
        f"# {rule.id} {rule.name}\n\n"
        f"{rule.summary}\n\n"
        f"| Severity | Aliases at other linters | Default | Explained in |\n| --- | --- | --- | --- |\n"
        f"| {rule.severity} | {aliases} | {state} | {guide} |\n\n"
        f"{body}\n"
    )


_FIRST_FENCE = re.compile(r"^(```|~~~)(dockerfile( fragment)?\s*$)?", re.M)


def _declare_example(doc: str, rule_id: str) -> str:
    """Add `expect="<id>"` to the Dockerfile fence that opens '## Example' (and a title to the one
    of '## Use instead'). A section that shows Markdown (~~~markdown holding a ```dockerfile) is
    left as written: its inner fence is text the reader copies, not a block of this page."""
    parts = re.split(r"(^## .+$)", doc, flags=re.M)
    options = {"## Example": f' expect="{rule_id}" title="Example"', "## Use instead": ' title="Use instead"'}
    for i, part in enumerate(parts[:-1]):
        first = _FIRST_FENCE.search(parts[i + 1]) if part.strip() in options else None
        if first and first.group(2):
            line_end = parts[i + 1].find("\n", first.start())
            line_end = len(parts[i + 1]) if line_end < 0 else line_end
            opening = parts[i + 1][first.start():line_end].rstrip()
            parts[i + 1] = parts[i + 1][:first.start()] + opening + options[part.strip()] + parts[i + 1][line_end:]
    return "".join(parts)


# The index page's two tables are HTML inside an HTML comment, which the hook opens once Python-Markdown
# is done with the page (shown_tables, from SiteChecks.finish_page): as Markdown tables, every one of
# their 432 cells went through every inline pattern, and as a raw HTML block Python-Markdown parses
# each of their tags, where a comment is one search for its end. The tables live in the page's
# Markdown, so the page cache keeps them (the severity reasons come from the rules' modules).
_HIDDEN = "<!--snipcheck-table\n{}\n-->"
_HIDDEN_TABLE = re.compile(r"<!--snipcheck-table\n(<table>.*?</table>)\n-->", re.S)


def index_page(rules: tuple[Rule, ...]) -> str:
    rule_rows = [
        f"<tr><td>{_rule_link(r)}</td><td>{html_text(r.name)}</td><td>{r.severity}</td>"
        f"<td>{html_text(', '.join(r.aliases) or '—')}</td><td>{message_html(r.summary)}"
        f"{'' if r.default_enabled else ' <em>(off by default)</em>'}</td></tr>"
        for r in rules
    ]
    severity_rows = [
        f"<tr><td>{_rule_link(r)} {html_text(r.name)}</td><td>{r.severity}</td>"
        f"<td>{profile_severity('hadolint', r) or '—'}</td><td>{message_html(r.severity_reason)}</td></tr>"
        for r in rules
    ]
    rule_table = html_table(("ID", "Name", "Severity", "Aliases", "Summary"), rule_rows)
    severity_table = html_table(("Rule", "Default", "<code>profile: hadolint</code>", "Why this severity"), severity_rows)
    return (
        "# Rule reference\n\n"
        f"All {len(rules)} rules, generated from their source. Each page says what the rule does, why it "
        "matters, and shows an example that triggers it and one that does not; both are checked on every "
        "build of this site. Peer IDs (hadolint `DL`, BuildKit check names) work in suppressions too.\n\n"
        f"{_hidden(rule_table)}\n\n"
        "## Default severities, and why\n\n"
        "A default severity says what happens to a reader who copies the snippet: **error**, it does not "
        "build or does not run; **warning**, it builds and runs but is insecure, much larger than it needs "
        "to be, or breaks later; **info**, it works and the advice is a refinement. Rules about the whole "
        "image (root user, untagged base, missing `.dockerignore`, ...) skip excerpts: snippets without "
        "FROM, with `...` elisions or placeholders such as `<base>`, or of three instructions or fewer. "
        "Teams that want hadolint's levels (and every snippet judged whole) set `profile: hadolint`.\n\n"
        f"{_hidden(severity_table)}\n"
    )


def shown_tables(html: str) -> str:
    """The index page's HTML with its tables out of their comments."""
    return _HIDDEN_TABLE.sub(lambda m: m.group(1), html)


def _hidden(table: str) -> str:
    if "-->" in table:  # every text in it is escaped, so no "-->" can end the comment early
        raise ValueError("a table for a comment holds '-->'")
    return _HIDDEN.format(table)


def _rule_link(rule: Rule) -> str:
    return f'<a href="{RULE_LINK}{rule.id}">{rule.id}</a>'



def rule_pages(rules: tuple[Rule, ...], has_page=lambda path: True) -> dict[str, str]:
    pages = {INDEX_PAGE: index_page(rules)}
    pages.update({page_path(r.id): rule_page(r, has_page) for r in rules})
    return pages


def _guide_title(guide: str) -> str:
    page, _, anchor = guide.partition("#")
    name = page.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ")
    return name.capitalize() + (f" › {anchor.replace('-', ' ')}" if anchor else "")
