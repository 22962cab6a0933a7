"""HTML shown under each Dockerfile on a page, and the site-wide report page (Markdown)."""

from __future__ import annotations

from ..checker import SnippetResult
from ..escape import html_text, markdown_text, url_path

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


def render_result(result: SnippetResult) -> str:
    """The result box under a code block. Excluded from search."""
    kind = status_class(result)
    mark, text = _HEADLINE[kind]
    text = text.format(rules=", ".join(result.snippet.options.expect), reason=result.snippet.options.skip or "")
    items = "".join(_finding_item(f, result.snippet.fence.file) for f in result.findings)
    listing = f'<ul class="snipcheck-findings">{items}</ul>' if items else ""
    if result.built:  # the real build's result names what it was built on
        listing += f'<p class="snipcheck-build">{html_text(result.built)}</p>'

    return (
        f'<div class="snipcheck snipcheck-{kind}" data-search-exclude data-snipcheck-status="{result.status}">'
        f'<p class="snipcheck-headline"><span class="snipcheck-mark" aria-hidden="true">{mark}</span> '
        f"{html_text(text)}</p>{listing}</div>"
    )


def _finding_item(f, page_file: str) -> str:
    where = f"line {f.snippet_line}" if f.snippet_line else "fence"
    tag = " (expected)" if f.expected else ""
    # The file to edit is worth showing only when it is not the page itself (an included file).
    source = "" if f.file == page_file else f'<span class="snipcheck-source"> ({html_text(str(f.location))})</span>'
    return (
        f'<li class="snipcheck-finding snipcheck-{f.severity}">'
        f'<a class="snipcheck-rule" href="{RULE_LINK}{f.rule}">{f.rule}</a> '
        f'<span class="snipcheck-severity">{f.severity}</span> '
        f'<span class="snipcheck-where">{where}</span>: {html_text(f.message)}{tag}{source}</li>'
    )


def report_page(report, page_url_for) -> str:
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
    # Page names, locations and messages come from pages: every one is escaped for Markdown
    # (numeric entities) and links are percent-encoded paths, so none can become markup or a link.
    for r in report.results:
        page = r.snippet.page
        link = page_url_for(page)
        where = markdown_text(str(r.snippet.lines[0] if r.snippet.lines else r.snippet.fence))
        found = ", ".join(f"[{f.rule}](../rules/{f.rule.lower()}.md)" + (" (expected)" if f.expected else "")
                          for f in r.findings) or "none"
        page_cell = f"[{markdown_text(page)}]({url_path(link)})" if link else markdown_text(page)
        lines.append(f"| {page_cell} | <code>{where}</code> | {status_class(r)} | {found} |")
    if report.problems:
        lines += ["", "## Page problems", ""]
        lines += [f"- <code>{markdown_text(str(f.location))}</code> [{f.rule}](../rules/{f.rule.lower()}.md): "
                  f"{markdown_text(f.message)}" for f in report.problems]
    return "\n".join(lines) + "\n"
