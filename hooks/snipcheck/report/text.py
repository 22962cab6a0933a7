"""Plain text: one line per finding, `file:line: RULE severity: message`, then a summary.
File names and messages come from pages: control characters and ANSI escapes are made visible."""

from __future__ import annotations

from ..escape import terminal
from . import Report


def render(report: Report) -> str:
    lines = []
    for f in report.all_findings():
        mark = " (expected)" if f.expected else ""
        lines.append(f"{terminal(f.file)}:{f.line}: {f.rule} {f.severity}: {terminal(f.message)}{mark}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"
