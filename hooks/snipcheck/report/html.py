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


def render_result(result: SnippetResult) -> str:
    """The result box under a code block. Excluded from search."""
    kind = status_class(result)
    mark, text = _HEADLINE[kind]
    text = text.format(rules=", ".join(result.snippet.options.expect), reason=result.snippet.options.skip or "")
    items = "".join(_finding_item(f, result.snippet.fence.file) for f in result.findings)
    listing = f'<ul class="snipcheck-findings">{items}</ul>' if items else ""
    return (
        f'<div class="snipcheck snipcheck-{kind}" data-search-exclude data-snipcheck-status="{result.status}">'
        f'<p class="snipcheck-headline"><span class="snipcheck-mark" aria-hidden="true">{mark}</span> '
        f"{html.escape(text)}</p>{listing}{build_line(result.build)}</div>"
    )


def build_line(build) -> str:
    """'Built for real: 7.9 MB (3.2 MB compressed), 3 layers, nothing wasted, runs as 65534:65534.'"""
    if build is None:
        return ""
    o = build.outcome
    when = f" ({o.facts.measured_at})" if o.facts is not None and o.facts.measured_at else ""
    if o.facts is None:
        text = f"Real build: {o.status}" + (f": {o.reason}" if o.reason else "")
    else:
        f = o.facts
        wasted = "nothing wasted" if not f.wasted_bytes else f"{_mb(f.wasted_bytes)} wasted by later layers"
        text = (f"Built for real{when}: {_mb(f.size)} ({_mb(f.compressed_size)} compressed), "
                f"{f.layers} layer{'s' * (f.layers != 1)}, {wasted}, runs as {f.runs_as}")
        if f.toolchain:
            text += f"; toolchain inside: {', '.join('/' + p for p in f.toolchain)}"
    return f'<p class="snipcheck-build" data-snipcheck-build="{o.status}">{html.escape(text)}.</p>'


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def _finding_item(f, page_file: str) -> str:
    where = f"line {f.snippet_line}" if f.snippet_line else "fence"
    tag = " (expected)" if f.expected else ""
    # The file to edit is worth showing only when it is not the page itself (an included file).
    source = "" if f.file == page_file else f'<span class="snipcheck-source"> ({html.escape(str(f.location))})</span>'
    return (
        f'<li class="snipcheck-finding snipcheck-{f.severity}">'
        f'<a class="snipcheck-rule" href="{RULE_LINK}{f.rule}">{f.rule}</a> '
        f'<span class="snipcheck-severity">{f.severity}</span> '
        f'<span class="snipcheck-where">{where}</span>: {html.escape(f.message)}{tag}{source}</li>'
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
    for r in report.results:
        page = r.snippet.page
        link = page_url_for(page)
        where = html.escape(str(r.snippet.lines[0] if r.snippet.lines else r.snippet.fence))
        found = ", ".join(f"[{f.rule}](../rules/{f.rule.lower()}.md)" + (" (expected)" if f.expected else "")
                          for f in r.findings) or "none"
        page_cell = f"[{html.escape(page)}]({link})" if link else html.escape(page)
        lines.append(f"| {page_cell} | `{where}` | {status_class(r)} | {found} |")
    if report.problems:
        lines += ["", "## Page problems", ""]
        lines += [f"- `{html.escape(str(f.location))}` [{f.rule}](../rules/{f.rule.lower()}.md): "
                  f"{html.escape(f.message)}" for f in report.problems]
    return "\n".join(lines) + "\n"
