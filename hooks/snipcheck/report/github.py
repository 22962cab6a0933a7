"""GitHub Actions workflow commands: one `::error file=F,line=L,title=T::message` per unexpected
finding (warning and notice for lower severities), so each shows as an annotation on the diff,
then one plain summary line for the log. A finding of an example file included in several code
blocks is one annotation naming those blocks: Actions shows only ten of each kind per step.
"""

from __future__ import annotations

from ..escape import terminal
from ..severity import Severity
from . import Report, blocks_note

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report) -> str:
    lines = []
    for item in report.listed_findings():
        f = item.finding
        if f.expected:  # a deliberate bad example doing its job is not worth an annotation
            continue
        props = f"file={escape_property(f.file)},line={max(1, f.line)},title={escape_property(f'{f.rule} {f.name}')}"
        lines.append(f"::{COMMANDS[f.severity]} {props}::{escape_data(item.text + blocks_note(item))}")
    lines.append(f"snipcheck: {report.summary_line()}")
    return "\n".join(lines) + "\n"


def escape_data(text: str) -> str:
    """Escape a command's message the way @actions/core does; other control characters (ANSI
    escapes, which the Actions log would interpret) are shown as text first."""
    return terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus the `:` and `,` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
