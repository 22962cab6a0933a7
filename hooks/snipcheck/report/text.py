"""Plain text: one line per finding, `file:line: RULE severity: message`, then a summary."""

from __future__ import annotations

from . import Report


def render(report: Report) -> str:
    lines = []
    for f in _all_findings(report):
        mark = " (expected)" if f.expected else ""
        lines.append(f"{f.file}:{f.line}: {f.rule} {f.severity}: {f.message}{mark}")
    s = report.summary()
    lines.append(
        f"{s['snippets']} snippet(s): {s['pass']} passed, {s['expected']} failed as expected, "
        f"{s['fail']} failed, {s['skipped']} skipped; {s['unexpected']} unexpected finding(s)"
    )
    return "\n".join(lines) + "\n"


def _all_findings(report: Report):
    items = [f for r in report.results for f in r.findings] + list(report.problems)
    return sorted(items, key=lambda f: (f.file, f.line, f.rule))
