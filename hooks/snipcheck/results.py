"""What checking a snippet gives: its findings and status (`SnippetResult`), and the policy that
turns findings into a status. Light on purpose: a run served from the check cache needs these and
none of the checking machinery (checker.py)."""

from __future__ import annotations

from .records import dataclass, replace

from .config import Config
from .severity import Severity
from .snippets import Location, Snippet

# Findings only a real Docker build can produce (build-failed, run-failed, build-refused,
# build-limit-exceeded, networked-build); the builder settles their expectations. IDs, not
# imports, so that importing the checker does not import every rule.
BUILD_RULE_IDS = frozenset({"DG010", "DG011", "DG012", "DG013", "DG014"})


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    aliases: tuple[str, ...]
    severity: Severity
    message: str
    location: Location
    snippet_line: int
    expected: bool = False

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def line(self) -> int:
        return self.location.line


@dataclass(frozen=True)
class SnippetResult:
    snippet: Snippet
    status: str  # "pass", "expected", "fail" or "skipped"
    findings: tuple[Finding, ...]
    failing: tuple[Finding, ...]
    build: object = None  # builder.BuildReport when the real build tried this snippet

    @property
    def built(self) -> str:
        """The real build's result in one line, naming what it was built on ('' when not built)."""
        if self.build is None:
            return ""
        from .builder.report import built_line

        return built_line(self.build)


def with_findings(result: SnippetResult, extra: tuple[Finding, ...], config: Config = Config(),
                  build=None) -> SnippetResult:
    """The result with more findings (e.g. from a real build), status recomputed by the same policy."""
    findings = tuple(sorted(result.findings + extra, key=lambda f: (f.snippet_line, f.rule)))
    checked = result_from(result.snippet, findings, config, skipped=result.status == "skipped")
    return replace(checked, build=build if build is not None else result.build)


def result_from(snippet: Snippet, findings, config: Config, skipped: bool = False) -> SnippetResult:
    """A snippet's result from its findings: failing ones and status by the fail-on policy."""
    failing = tuple(f for f in findings if not f.expected and f.severity >= config.fail_on)
    if failing:
        status = "fail"
    elif skipped:
        status = "skipped"
    elif snippet.options.expect:
        status = "expected"
    else:
        status = "pass"
    return SnippetResult(snippet, status, findings, failing)
