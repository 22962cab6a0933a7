"""A run's results in one value, and the output formats that render it (one module each)."""

from __future__ import annotations

import re

from ..records import dataclass

from ..results import Finding, SnippetResult
from ..config import Config
from ..severity import Severity
from ..snippets import Location, Snippet


@dataclass(frozen=True)
class Listed:
    """A finding as a report lists it, and the fences that show it when more than one does (an
    example file included on several pages); empty when one fence does."""

    finding: Finding
    shown_at: tuple[Location, ...] = ()
    message: str = ""  # the finding's message with its `line N` in the file's lines (file_lines)

    @property
    def text(self) -> str:
        return self.message or self.finding.message


@dataclass(frozen=True)
class Report:
    results: tuple[SnippetResult, ...]
    problems: tuple[Finding, ...]  # page-level findings (e.g. an unterminated fence)
    config: Config
    builds: tuple = ()  # builder.BuildReport of every example the real build tried
    build_engine: str = ""  # the engines, as the real build described them
    notes: tuple[str, ...] = ()  # files and folders skipped, and why (shown on stderr, not findings)

    @property
    def failing(self) -> tuple[Finding, ...]:
        page = tuple(f for f in self.problems if f.severity >= self.config.fail_on)
        return tuple(f for r in self.results for f in r.failing) + page

    @property
    def ok(self) -> bool:
        return not self.failing

    def all_findings(self) -> list[Finding]:
        """Every finding, snippet and page level, in file and line order."""
        items = [f for r in self.results for f in r.findings] + list(self.problems)
        return sorted(items, key=_listing_order)

    def listed_findings(self) -> list[Listed]:
        """Every finding, in file and line order, with one finding of several snippets listed once.
        An example file included on several pages has the same finding in each of their snippets:
        it is listed once, with the fences that show it, so a log reads it once and GitHub's few
        annotations per step are not spent on copies. Within one snippet nothing is merged."""
        fences: dict[tuple, list[Location]] = {}
        first: dict[tuple, tuple[Finding, Snippet | None]] = {}
        for group, snippet in [(r.findings, r.snippet) for r in self.results] + [(self.problems, None)]:
            seen: dict[tuple, int] = {}
            for f in group:
                same = (f.file, f.line, f.rule, f.severity, f.message, f.expected)
                seen[same] = seen.get(same, -1) + 1
                key = (*same, seen[same], snippet is None)  # the n-th copy in this snippet; page problems apart
                first.setdefault(key, (f, snippet))
                if snippet is not None:
                    fences.setdefault(key, []).append(snippet.fence)
        listed = [Listed(f, _blocks_named(f, fences.get(k, ())), file_lines(f, snippet))
                  for k, (f, snippet) in first.items()]
        return sorted(listed, key=lambda item: _listing_order(item.finding))  # stable: page problems stay last

    def summary_line(self) -> str:
        s = self.summary()
        return (f"{s['snippets']} snippet(s): {s['pass']} passed, {s['expected']} failed as expected, "
                f"{s['fail']} failed, {s['skipped']} skipped; {s['unexpected']} unexpected finding(s)")

    def summary(self) -> dict:
        statuses = {"pass": 0, "expected": 0, "fail": 0, "skipped": 0}
        for r in self.results:
            statuses[r.status] += 1
        findings = [f for r in self.results for f in r.findings] + list(self.problems)
        return {
            "snippets": len(self.results),
            **{k: v for k, v in statuses.items()},
            "findings": len(findings),
            "unexpected": len(self.failing),
            "by_severity": {str(s): sum(1 for f in findings if f.severity == s) for s in reversed(Severity)},
            "page_problems": len(self.problems),
        }


def _listing_order(f: Finding) -> tuple:
    return (f.file, f.line, f.rule, f.message)


def _blocks_named(finding: Finding, fences: list[Location]) -> tuple[Location, ...]:
    """The code blocks a listed finding names: all of them when several show it, the one block
    when it shows the finding from another file (an include), none when its own file holds it."""
    if len(fences) > 1 or (fences and fences[0].file != finding.file):
        return tuple(fences)
    return ()


def blocks_note(item: Listed) -> str:
    """` (in the code blocks at docs/a.md:12, docs/b.md:40)` for a finding of an included file,
    naming the pages' blocks that show it; `also` when the file itself was checked too."""
    elsewhere = [loc for loc in item.shown_at if loc.file != item.finding.file]
    if not elsewhere:
        return ""
    also = "also " if len(elsewhere) < len(item.shown_at) else ""
    noun = "code block" if len(elsewhere) == 1 else "code blocks"
    return f" ({also}in the {noun} at {', '.join(map(str, elsewhere))})"


def page_finding(problem, ruleset) -> Finding:
    """A page-level Problem as a Finding."""
    rule = ruleset.get(problem.rule)
    return Finding(rule.id, rule.name, rule.aliases, rule.severity, problem.message, problem.location, 0)


_LINE_REFERENCE = re.compile(r"\bline ([0-9]{1,9})\b")


def file_lines(finding: Finding, snippet: Snippet | None) -> str:
    """The finding's message for a report that locates it by file and line: a rule's `line N`
    counts lines of the code block, so it becomes the line of the file that holds it ("line 6",
    or "other.md:6" when that line comes from another file). The result box under the block keeps
    block lines; messages of the pipeline's own rules (DG0xx: includes, encodings) already name
    file lines."""
    if snippet is None or finding.rule.startswith("DG0") or "line " not in finding.message:
        return ""

    def in_file(m: re.Match) -> str:
        n = int(m.group(1))
        if not 1 <= n <= len(snippet.lines):
            return m.group(0)
        where = snippet.lines[n - 1]
        return f"line {where.line}" if where.file == finding.file else f"{where.file}:{where.line}"

    return _LINE_REFERENCE.sub(in_file, finding.message)
