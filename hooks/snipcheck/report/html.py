"""HTML shown under each Dockerfile on a page, and the site-wide report page (Markdown with an HTML table)."""

from __future__ import annotations

from ..results import SnippetResult
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


def render_result(result: SnippetResult, link_rules: bool = True) -> str:
    """The result box under a code block. Excluded from search. Notes under a passing snippet are
    folded away (a quiet mark; the details open on click). ASCII only (see _ascii)."""
    return _ascii(_box(result, link_rules))


def _ascii(html: str) -> str:
    """`html` with every non-ASCII character as a character reference, which renders the same. A
    box's ✓ made the whole written page (230 KB with a 500-page site's nav) a string of two bytes
    a character in CPython, and every later step slower: templating, searching, encoding."""
    return html if html.isascii() else html.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _box(result: SnippetResult, link_rules: bool) -> str:
    kind = status_class(result)
    mark, text = _HEADLINE[kind]
    text = text.format(rules=", ".join(result.snippet.options.expect), reason=result.snippet.skip_reason or "")
    items = "".join(_finding_item(f, result.snippet.fence.file, link_rules) for f in result.findings)
    listing = f'<ul class="snipcheck-findings">{items}</ul>' if items else ""
    if result.built:  # the real build's result names what it was built on, then what it measured
        listing += f'<p class="snipcheck-build">{html_text(result.built)}</p>' + build_line(result.build)
    headline = f'<span class="snipcheck-mark" aria-hidden="true">{mark}</span> {html_text(text)}'
    attributes = f'class="snipcheck snipcheck-{kind}" data-search-exclude data-snipcheck-status="{result.status}"'
    if kind == "notes":
        return (f'<details {attributes}><summary class="snipcheck-headline">{headline}</summary>{listing}'
                f"</details>")
    return f'<div {attributes}><p class="snipcheck-headline">{headline}</p>{listing}</div>'


def build_line(build) -> str:
    """'Built for real: 7.9 MB (3.2 MB compressed), 3 layers, nothing wasted, runs as 65534:65534.'
    Empty when the build measured nothing: the line above it already says what happened."""
    facts = build.outcome.facts if build is not None else None
    if facts is None:
        return ""
    when = f" ({facts.measured_at})" if facts.measured_at else ""
    wasted = "nothing wasted" if not facts.wasted_bytes else f"{_mb(facts.wasted_bytes)} wasted by later layers"
    text = (f"Built for real{when}: {_mb(facts.size)} ({_mb(facts.compressed_size)} compressed), "
            f"{facts.layers} layer{'s' * (facts.layers != 1)}, {wasted}, runs as {facts.runs_as}")
    if facts.toolchain:
        text += f"; toolchain inside: {', '.join('/' + p for p in facts.toolchain)}"
    return (f'<p class="snipcheck-build" data-snipcheck-build="{build.outcome.status}">'
            f"{html_text(text)}.</p>")


def message_html(message: str) -> str:
    """A finding's message as HTML: its `code` spans (commands, paths, flags) as <code>, every part
    escaped. With an odd number of backticks the pairs are unclear, so the text stays as written."""
    parts = message.split("`")
    if len(parts) % 2 == 0:
        return html_text(message)
    return "".join(f"<code>{html_text(part)}</code>" if n % 2 else html_text(part) for n, part in enumerate(parts))


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def _finding_item(f, page_file: str, link_rules: bool = True) -> str:
    where = f"line {f.snippet_line}" if f.snippet_line else "fence"
    tag = " (expected)" if f.expected else ""
    # The file to edit is worth showing only when it is not the page itself (an included file).
    source = "" if f.file == page_file else f'<span class="snipcheck-source"> ({html_text(str(f.location))})</span>'
    rule = (f'<a class="snipcheck-rule" href="{RULE_LINK}{f.rule}">{f.rule}</a>' if link_rules
            else f'<code class="snipcheck-rule">{f.rule}</code>')
    return (
        f'<li class="snipcheck-finding snipcheck-{f.severity}">{rule} '
        f'<span class="snipcheck-severity">{f.severity}</span> '
        f'<span class="snipcheck-where">{where}</span>: {message_html(f.message)}{tag}{source}</li>'
    )


def report_page(report, table: str, link_rules: bool = True) -> str:
    """Markdown of the /checks/ page: summary, then `table` (report_table, or a mark the hook puts
    it in place of once Python-Markdown is done with the page), then any page problems."""
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
        table,
    ]
    if report.problems:
        lines += ["", "## Page problems", ""]
        lines += [f"- <code>{markdown_text(str(f.location))}</code> {_rule_ref(f.rule, link_rules)}: "
                  f"{markdown_text(f.message)}" for f in report.problems]
    return "\n".join(lines) + "\n"


def report_table(report, page_url_for, link_rules: bool = True) -> str:
    """The report's table, one row per snippet, as HTML. `page_url_for(page)` gives the URL of a page
    relative to the report page (None: the page is named without a link); rule links are RULE_LINK +
    ID, which the hook resolves as on every page.

    HTML, not a Markdown table: Python-Markdown runs every inline pattern over every cell, and even
    parses a raw HTML block tag by tag. On a site of 2,690 snippets this one page took a fifth of
    the whole site's Markdown time (1.7 s); the hook puts it in the page after conversion."""
    rows = []
    # Page names, locations and messages come from pages: every one is escaped for HTML, and links
    # are percent-encoded paths, so none can become markup or a link.
    for r in report.results:
        page = r.snippet.page
        link = page_url_for(page)
        where = html_text(str(r.snippet.lines[0] if r.snippet.lines else r.snippet.fence))
        found = ", ".join(_rule_anchor(f.rule, link_rules) + (" (expected)" if f.expected else "")
                          for f in r.findings) or "none"
        page_cell = f'<a href="{url_path(link)}">{html_text(page)}</a>' if link else html_text(page)
        rows.append(f"<tr><td>{page_cell}</td><td><code>{where}</code></td><td>{status_class(r)}</td>"
                    f"<td>{found}</td></tr>")
    return html_table(("Page", "Snippet at", "Status", "Findings"), rows)


def html_table(headings: tuple[str, ...], rows: list[str]) -> str:
    """A table of `rows` (each `<tr>...</tr>`, escaped already) under `headings` (HTML)."""
    head = "".join(f"<th>{h}</th>" for h in headings)
    return "\n".join(["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"])


def _rule_anchor(rule_id: str, link_rules: bool) -> str:
    shown = html_text(rule_id)
    return f'<a href="{RULE_LINK}{shown}">{shown}</a>' if link_rules else f"<code>{shown}</code>"


def _rule_ref(rule_id: str, link_rules: bool) -> str:
    return f"[{rule_id}](../rules/{rule_id.lower()}.md)" if link_rules else f"`{rule_id}`"
