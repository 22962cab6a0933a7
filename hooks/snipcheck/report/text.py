"""Plain text: one line per finding, `file:line: RULE severity: message`, then a summary."""

from __future__ import annotations

from . import Report


def render(report: Report) -> str:
    lines = []
    for f in report.all_findings():
        mark = " (expected)" if f.expected else ""
        lines.append(f"{f.file}:{f.line}: {f.rule} {f.severity}: {f.message}{mark}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"
