"""HTML shown under each Dockerfile on a page, and the site-wide report page (Markdown)."""

from __future__ import annotations

import html

from ..checker import SnippetResult

RULE_LINK = "snipcheck:rule/"  # resolved to a relative URL per page by the hook

_HEADLINE = {
    "pass": ("✓", "Checked: no findings"),
    "notes": ("✓", "Checked: passes, with notes"),
    "expected": ("✗", "Deliberate bad example: triggers {rules} as intended"),
    "fail": ("!", "Check failed: unexpected findings"),
    "skipped": ("–", "Not checked: {reason}"),
}


def status_class(result: SnippetResult) -> str:
    if result.status == "pass" and result.findings:
        return "notes"
    return result.status


def render_result(result: SnippetResult, link_rules: bool = True) -> str:
    """The result box under a code block. Excluded from search. Notes under a passing snippet are
    folded away (a quiet mark; the details open on click)."""
    kind = status_class(result)
    mark, text = _HEADLINE[kind]
    text = text.format(rules=", ".join(result.snippet.options.expect), reason=result.snippet.options.skip or "")
    items = "".join(_finding_item(f, result.snippet.fence.file, link_rules) for f in result.findings)
    listing = f'<ul class="snipcheck-findings">{items}</ul>' if items else ""
    if result.built:  # the real build's result names what it was built on
        listing += f'<p class="snipcheck-build">{html.escape(result.built)}</p>'
    headline = (f'<span class="snipcheck-mark" aria-hidden="true">{mark}</span> {html.escape(text)}')
    attributes = f'class="snipcheck snipcheck-{kind}" data-search-exclude data-snipcheck-status="{result.status}"'
    if kind == "notes":
        return (f'<details {attributes}><summary class="snipcheck-headline">{headline}</summary>{listing}'
                f"</details>")
    return f'<div {attributes}><p class="snipcheck-headline">{headline}</p>{listing}</div>'


def _finding_item(f, page_file: str, link_rules: bool = True) -> str:
    where = f"line {f.snippet_line}" if f.snippet_line else "fence"
    tag = " (expected)" if f.expected else ""
    # The file to edit is worth showing only when it is not the page itself (an included file).
    source = "" if f.file == page_file else f'<span class="snipcheck-source"> ({html.escape(str(f.location))})</span>'
    rule = (f'<a class="snipcheck-rule" href="{RULE_LINK}{f.rule}">{f.rule}</a>' if link_rules
            else f'<code class="snipcheck-rule">{f.rule}</code>')
    return (
        f'<li class="snipcheck-finding snipcheck-{f.severity}">{rule} '
        f'<span class="snipcheck-severity">{f.severity}</span> '
        f'<span class="snipcheck-where">{where}</span>: {html.escape(f.message)}{tag}{source}</li>'
    )


def report_page(report, page_url_for, link_rules: bool = True) -> str:
    """Markdown of the /checks/ page: summary, then one row per snippet."""
    s = report.summary()
    lines = [
        "# Check report",
        "",
        "Every Dockerfile this site renders, checked when the site was built. "
        "The same data is in <a href=\"report.json\">report.json</a>.",
        "",
        f"**{s['snippets']}** snippets: **{s['pass']}** passed, **{s['expected']}** deliberate bad examples "
        f"failed as declared, **{s['fail']}** failed, **{s['skipped']}** skipped; "
        f"**{s['unexpected']}** unexpected findings.",
        "",
        "| Page | Snippet at | Status | Findings |",
        "| --- | --- | --- | --- |",
    ]
    for r in report.results:
        page = r.snippet.page
        link = page_url_for(page)
        where = html.escape(str(r.snippet.lines[0] if r.snippet.lines else r.snippet.fence))
        found = ", ".join(_rule_ref(f.rule, link_rules) + (" (expected)" if f.expected else "")
                          for f in r.findings) or "none"
        page_cell = f"[{html.escape(page)}]({link})" if link else html.escape(page)
        lines.append(f"| {page_cell} | `{where}` | {status_class(r)} | {found} |")
    if report.problems:
        lines += ["", "## Page problems", ""]
        lines += [f"- `{html.escape(str(f.location))}` {_rule_ref(f.rule, link_rules)}: "
                  f"{html.escape(f.message)}" for f in report.problems]
    return "\n".join(lines) + "\n"


def _rule_ref(rule_id: str, link_rules: bool) -> str:
    return f"[{rule_id}](../rules/{rule_id.lower()}.md)" if link_rules else f"`{rule_id}`"
