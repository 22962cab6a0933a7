"""Plain text: one line per finding, `file:line: RULE severity: message`, then a summary. A
finding of an example file included in several code blocks is one line naming those blocks.
File names and messages come from pages: control characters and ANSI escapes are made visible."""

from __future__ import annotations

from ..escape import terminal
from . import Report, blocks_note


def render(report: Report) -> str:
    lines = []
    for item in report.listed_findings():
        f = item.finding
        mark = " (expected)" if f.expected else ""
        lines.append(f"{terminal(f.file)}:{f.line}: {f.rule} {f.severity}: {terminal(item.text)}{mark}"
                     f"{terminal(blocks_note(item))}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"
