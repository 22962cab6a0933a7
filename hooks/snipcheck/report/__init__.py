"""A run's results in one value, and the output formats that render it (one module each)."""

from __future__ import annotations

from ..records import dataclass

from ..results import Finding, SnippetResult
from ..config import Config
from ..severity import Severity


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
        return sorted(items, key=lambda f: (f.file, f.line, f.rule, f.message))

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


def page_finding(problem, ruleset) -> Finding:
    """A page-level Problem as a Finding."""
    rule = ruleset.get(problem.rule)
    return Finding(rule.id, rule.name, rule.aliases, rule.severity, problem.message, problem.location, 0)
