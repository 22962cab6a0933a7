"""From build outcomes to what the checker reports: findings (DG010, DG011) and a summary.

`build_snippets` is the entry the CLI and the hook call: plan, build each job with the given
builder, map each outcome to findings through the same `Finding` type the rules use.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..checker import BUILD_RULE_IDS, Finding, SnippetResult
from ..config import Config
from ..rules.meta.build_failed import build_failed
from ..rules.meta.expectation_not_met import expectation_not_met
from ..rules.meta.run_failed import run_failed
from ..snippets import Snippet
from .batch import run_jobs
from .cache import BuildCache
from .engines import Engine
from .model import Builder, BuildJob, BuildOutcome, Status
from .predictions import verdicts
from .progress import Progress
from .plan import APP_CONTEXT, plan_jobs

BUILD_RULES = {Status.BUILD_FAILED: build_failed, Status.RUN_FAILED: run_failed}


@dataclass(frozen=True)
class BuildReport:
    snippet: Snippet
    job: BuildJob
    outcome: BuildOutcome
    findings: tuple[Finding, ...]
    findings_static: tuple[Finding, ...] = ()  # what the rules said before the build

    @property
    def cached(self) -> bool:
        """The outcome was stored by an earlier run with the same inputs."""
        return self.outcome.cached

    def verdicts(self) -> list:
        """How the rules that fired on this bad example fared against the real build."""
        if not self.snippet.options.is_bad_example:
            return []
        return verdicts(self.job.name, [f.rule for f in self.findings_static], self.outcome)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.expected)


def build_snippets(snippets: Iterable[Snippet], results: Iterable[SnippetResult], root_dir: Path,
                   builder: "Builder | Sequence[Engine]", config: Config = Config(), *,
                   cache: BuildCache | None = None, progress: Progress | None = None,
                   locked: dict[str, str] | None = None) -> list[BuildReport]:
    """Build and run every buildable snippet against `root_dir/snippets/app`, in page order: on one
    builder or spread over several engines, reusing results stored in `cache`."""
    root_dir = Path(root_dir)
    results = list(results)

    def read_dockerignore(ref: str) -> str | None:
        for base in config.snippets_base:
            path = root_dir / base / ref
            if path.is_file():
                return path.read_text()
        return None

    planned = plan_jobs(snippets, results, root_dir / APP_CONTEXT, read_dockerignore)
    if planned and not (root_dir / APP_CONTEXT).is_dir():
        raise FileNotFoundError(f"real build: no sample app at {root_dir / APP_CONTEXT} to build the examples with")
    engines = list(builder) if isinstance(builder, (list, tuple)) else [Engine(builder)]
    batch = run_jobs([job for _, job in planned], engines, cache, progress, locked)
    static = {id(r.snippet): tuple(r.findings) for r in results}
    return [BuildReport(snippet, job, outcome, findings_for(snippet, job, outcome, config),
                        static.get(id(snippet), ()))
            for (snippet, job), outcome in zip(planned, batch.outcomes)]


def findings_for(snippet: Snippet, job: BuildJob, outcome: BuildOutcome, config: Config = Config()
                 ) -> tuple[Finding, ...]:
    """DG010/DG011 for a failed build or run; expected for a declared bad example. A bad example
    that expects DG010/DG011 and builds and runs fine gets DG004."""
    expects = set(snippet.options.expect)
    rule = BUILD_RULES.get(outcome.status)
    if rule is not None:
        return (_finding(rule, snippet, outcome.failed_line, _message(outcome), config,
                         expected=not job.expect_run_ok),)
    missed = sorted(expects & BUILD_RULE_IDS) if outcome.status is Status.OK else []
    return tuple(_finding(expectation_not_met, snippet, 0, f"this bad example expects {rule_id}, but it "
                          f"built and `{' '.join(job.run_args)}` passed", config) for rule_id in missed)


def summary(reports: list[BuildReport], engine: str = "") -> str:
    """'built and ran N of M buildable snippets; K not built here: reasons', then one line per
    snippet with status, image size and timings; `engine` (DockerBuilder.describe()) last."""
    total = len(reports)
    ran = sum(1 for r in reports if r.outcome.built)  # really built and run, whatever the run said
    not_built = [r for r in reports if r.outcome.status is Status.NOT_BUILT]
    lines = [f"real build: built and ran {ran} of {total} buildable snippet{'s' * (total != 1)}"]
    failed = Counter(r.outcome.status for r in reports if r.outcome.status in BUILD_RULES)
    expected = sum(1 for r in reports if r.findings and not r.failing)
    if failed:
        parts = [f"{n} {status}" for status, n in sorted(failed.items())]
        lines[0] += f"; {', '.join(parts)}" + (f" ({expected} expected: bad examples)" if expected else "")
    if not_built:
        lines[0] += f"; {len(not_built)} not built here: {_not_built_reasons(not_built)}"
    cached = sum(r.cached for r in reports)
    lines[0] += f"; {cached} from cache, {sum(1 for r in reports if not r.cached and not r.job.not_buildable)} built now"
    for r in reports:
        o = r.outcome
        parts = [str(o.status) + (" (cached)" if r.cached else "")]
        if o.facts:
            f = o.facts
            parts.append(f"{f.size / 1e6:.1f} MB ({f.compressed_size / 1e6:.1f} MB gzip), {f.layers} layers, "
                         f"{f.wasted_bytes / 1e6:.1f} MB wasted, user {f.runs_as}")
        elif o.image_size:
            parts.append(f"{o.image_size / 1e6:.1f} MB")
        if o.build_seconds is not None:
            parts.append(f"build {o.build_seconds:.1f} s" + (f" + run {o.run_seconds:.1f} s" if o.run_seconds else ""))
        lines.append(f"  {r.job.name}: {', '.join(parts)}" + (f": {o.reason}" if o.reason else ""))
    if engine:
        lines.append(f"  ({engine})")
    contradicted = [v for r in reports for v in r.verdicts() if v.agrees is False]
    if contradicted:
        lines.append(f"rule predictions the real build contradicted ({len(contradicted)}):")
        lines += [f"  {v.rule} on {v.example}: predicted {v.predicted}; {v.happened}" for v in contradicted]
    return "\n".join(lines)


def _not_built_reasons(reports: list[BuildReport]) -> str:
    """'image not available: alpine:3.20 (4), ubuntu:24.04 (1); needs dockerfile frontend 1.4 (2)'"""
    images: Counter = Counter()
    others: Counter = Counter()
    for r in reports:
        reason = r.outcome.reason
        if reason.startswith("image not available: "):
            images.update(reason.removeprefix("image not available: ").split(", "))
        else:
            others[reason.split(" (")[0]] += 1
    parts = []
    if images:
        ranked = sorted(images.items(), key=lambda item: (-item[1], item[0]))
        parts.append("image not available: " + ", ".join(f"{image} ({n})" for image, n in ranked))
    parts += [f"{reason} ({n})" for reason, n in others.items()]
    return "; ".join(parts)


def _message(outcome: BuildOutcome) -> str:
    if outcome.status is Status.BUILD_FAILED:
        step = f" at `{outcome.failed_step}`" if outcome.failed_step else ""
        return f"docker build failed{step}: {outcome.reason}"
    return f"the image built, but {outcome.reason}"


def _finding(rule, snippet: Snippet, line: int, message: str, config: Config, expected: bool = False) -> Finding:
    severity = config.severity.get(rule.id, rule.severity)
    location = snippet.location(line) if line else snippet.fence
    return Finding(rule.id, rule.name, rule.aliases, severity, message, location, line, expected=expected)
