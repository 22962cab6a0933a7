"""From build outcomes to what the checker reports: findings (DG010, DG011) and a summary.

`build_snippets` is the entry the CLI and the hook call: plan, build each job with the given
builder, map each outcome to findings through the same `Finding` type the rules use.
"""

from __future__ import annotations

import time
from collections import Counter
from ..records import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..checker import BUILD_RULE_IDS, Finding, SnippetResult  # noqa: F401 (re-exported)
from ..collect import allowed_roots, make_reader
from ..config import Config
from ..containment import symlinks_leaving
from ..escape import scrub
from ..imagelock import LockedImage, digests
from ..imagelock import load as load_lock
from ..rules.meta.build_failed import build_failed
from ..rules.meta.build_limit_exceeded import build_limit_exceeded
from ..rules.meta.build_refused import build_refused
from ..rules.meta.expectation_not_met import expectation_not_met
from ..rules.meta.networked_build import networked_build
from ..rules.meta.run_failed import run_failed
from ..snippets import Snippet
from . import sandbox
from .batch import run_jobs
from .cache import BuildCache
from .engines import Engine
from .limits import WithDeadline
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
                   lock: dict[str, LockedImage] | None = None) -> list[BuildReport]:
    """Build and run every buildable snippet against `root_dir/snippets/app`, in page order: on one
    builder or spread over several engines, reusing results stored in `cache`.

    Each job passes the sandbox first (only images of `lock`, by default `root_dir`'s
    snippets/images.lock; the network setting; a contained build context); no build starts after
    `total_build_timeout` seconds."""
    root_dir = Path(root_dir)
    lock = load_lock(root_dir) if lock is None else lock
    results = list(results)
    bases = [root_dir / b for b in config.snippets_base]
    reader = make_reader(bases, root_dir, max_bytes=config.max_file_bytes)

    def read_dockerignore(ref: str) -> str | None:
        found = reader(ref)
        return found[1] if isinstance(found, tuple) else None

    planned = plan_jobs(snippets, results, root_dir / APP_CONTEXT, read_dockerignore)
    if planned and not (root_dir / APP_CONTEXT).is_dir():
        raise FileNotFoundError(f"real build: no sample app at {root_dir / APP_CONTEXT} to build the examples with")
    allowed = sandbox.allowed_images(lock)
    context_problem = _context_problem(root_dir, bases) if planned else None
    refused = {n: context_problem or sandbox.refusal(job.dockerfile, job.network, config, allowed)
               for n, (_, job) in enumerate(planned) if not job.not_buildable}
    refused = {n: reason for n, reason in refused.items() if reason}
    engines = list(builder) if isinstance(builder, (list, tuple)) else [Engine(builder)]
    deadline = time.monotonic() + config.total_build_timeout
    for engine in engines:
        engine.builder = WithDeadline(engine.builder, deadline, config.total_build_timeout)
    todo = [n for n in range(len(planned)) if n not in refused]
    batch = run_jobs([planned[n][1] for n in todo], engines, cache, progress, digests(lock))
    outcomes = {n: BuildOutcome(Status.REFUSED, reason) for n, reason in refused.items()}
    outcomes.update(zip(todo, batch.outcomes))
    static = {id(r.snippet): tuple(r.findings) for r in results}
    return [BuildReport(snippet, job, outcomes[n], findings_for(snippet, job, outcomes[n], config),
                        static.get(id(snippet), ()))
            for n, (snippet, job) in enumerate(planned)]


def _context_problem(root_dir: Path, bases: list[Path]) -> str | None:
    """The build context must be inside the project and hold no symlink that leads out of it."""
    context = root_dir / APP_CONTEXT
    roots = allowed_roots(root_dir, bases)
    if not roots.contains(context):
        return f"the build context {APP_CONTEXT} resolves outside the allowed folders"
    leaving = symlinks_leaving(context, roots)
    if leaving:
        return f"the build context holds symlinks that lead outside the allowed folders: {', '.join(leaving[:5])}"
    return None


def findings_for(snippet: Snippet, job: BuildJob, outcome: BuildOutcome, config: Config = Config()
                 ) -> tuple[Finding, ...]:
    """DG010/DG011 for a failed build or run; expected for a declared bad example. A bad example
    that expects DG010/DG011 and builds and runs fine gets DG004."""
    expects = set(snippet.options.expect)
    marks = (_finding(networked_build, snippet, 0, "built with the network (network=\"build\"); its run had none",
                      config, expected=networked_build.id in expects),) if job.network and outcome.built else ()
    if outcome.status in (Status.REFUSED, Status.LIMIT):
        rule = build_refused if outcome.status is Status.REFUSED else build_limit_exceeded
        return (_finding(rule, snippet, 0, scrub(outcome.reason, 600), config, expected=rule.id in expects),)
    rule = BUILD_RULES.get(outcome.status)
    if rule is not None:
        return marks + (_finding(rule, snippet, outcome.failed_line, _message(outcome), config,
                                 expected=not job.expect_run_ok),)
    missed = sorted(expects & {build_failed.id, run_failed.id}) if outcome.status is Status.OK else []
    return marks + tuple(_finding(expectation_not_met, snippet, 0, f"this bad example expects {rule_id}, but it "
                                  f"built and `{' '.join(job.run_args)}` passed", config) for rule_id in missed)


def summary(reports: list[BuildReport], engine: str = "") -> str:
    """'built and ran N of M buildable snippets; K not built here: reasons', then one line per
    snippet with status, image size and timings; `engine` (DockerBuilder.describe()) last."""
    total = len(reports)
    ran = sum(1 for r in reports if r.outcome.built)  # really built and run, whatever the run said
    not_built = [r for r in reports if r.outcome.status is Status.NOT_BUILT]
    lines = [f"real build: built and ran {ran} of {total} buildable snippet{'s' * (total != 1)}"]
    failed = Counter(r.outcome.status for r in reports
                     if r.outcome.status in BUILD_RULES or r.outcome.status in (Status.REFUSED, Status.LIMIT))
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
        parts += ["with the network for its build"] if r.job.network else []
        if o.facts:
            f = o.facts
            parts.append(f"{f.size / 1e6:.1f} MB ({f.compressed_size / 1e6:.1f} MB gzip), {f.layers} layers, "
                         f"{f.wasted_bytes / 1e6:.1f} MB wasted, user {f.runs_as}")
        elif o.image_size:
            parts.append(f"{o.image_size / 1e6:.1f} MB")
        if o.build_seconds is not None:
            parts.append(f"build {o.build_seconds:.1f} s" + (f" + run {o.run_seconds:.1f} s" if o.run_seconds else ""))
        lines.append(f"  {r.job.name}: {', '.join(parts)}" + (f": {o.reason}" if o.reason else "")
                     + (f" [{o.world}]" if o.world else ""))
    if engine:
        lines.append(f"  ({engine})")
    contradicted = [v for r in reports for v in r.verdicts() if v.agrees is False]
    if contradicted:
        lines.append(f"rule predictions the real build contradicted ({len(contradicted)}):")
        lines += [f"  {v.rule} on {v.example}: predicted {v.predicted}; {v.happened}" for v in contradicted]
    return "\n".join(lines)


def built_line(report: BuildReport) -> str:
    """The real build's result for one snippet, naming its world, for the page and the reports:
    'built and run on golang:1.27-trixie@sha256:… (…), …: `selfcheck` passed'."""
    o = report.outcome
    world = o.world.removeprefix("built on ") if o.world else ""
    if o.status is Status.NOT_BUILT:
        return f"not built here: {o.reason}"
    if o.status is Status.REFUSED:
        return f"refused before building: {o.reason}"
    if o.status is Status.LIMIT:
        return f"stopped at a limit{' on ' + world if world else ''}: {o.reason}"
    if o.status is Status.BUILD_FAILED:
        return f"build failed{' on ' + world if world else ''}: {o.reason}"
    return f"built and run on {world or 'local images'}: {o.reason}"


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
    """One line for the finding; build and run output are scrubbed and capped (they may quote
    whatever the example printed)."""
    if outcome.status is Status.BUILD_FAILED:
        step = f" at `{scrub(outcome.failed_step, 200)}`" if outcome.failed_step else ""
        return f"docker build failed{step}: {scrub(outcome.reason, 400)}"
    return f"the image built, but {scrub(outcome.reason, 400)}"


def _finding(rule, snippet: Snippet, line: int, message: str, config: Config, expected: bool = False) -> Finding:
    severity = config.severity.get(rule.id, rule.severity)
    location = snippet.location(line) if line else snippet.fence
    return Finding(rule.id, rule.name, rule.aliases, severity, message, location, line, expected=expected)
