"""Run a page's build jobs: reuse stored results, spread the rest over the engines, show progress.

    outcomes, cached = run_jobs(jobs, engines, cache, progress, locked)

Keys are computed before anything is built (base image IDs from the lock file, else from the
first healthy engine), so a warm run asks the engine only what the images resolve to.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from ..records import dataclass, field
from pathlib import Path
from typing import Sequence

from ..parser import parse
from .cache import BuildCache, build_key, context_digest
from .engines import Engine, run_on_engines
from .model import BuildJob, BuildOutcome, Status
from .plan import drop_syntax_line, external_images
from .progress import Progress


@dataclass
class BatchResult:
    outcomes: list[BuildOutcome]
    cached: set[int] = field(default_factory=set)  # indices whose outcome came from the cache
    builds: int = 0  # jobs handed to an engine in this run


def run_jobs(jobs: Sequence[BuildJob], engines: Sequence[Engine], cache: BuildCache | None = None,
             progress: Progress | None = None, locked: dict[str, str] | None = None) -> BatchResult:
    """Outcomes in job order. Jobs that cannot be tried here are NOT_BUILT without an engine."""
    outcomes: dict[int, BuildOutcome] = {}
    keys: dict[int, str] = {}
    cached: set[int] = set()
    resolver = KeyMaker(engines[0].builder, locked or {}) if cache is not None else None
    if resolver is not None:
        resolver.resolve_all(jobs)
    for i, job in enumerate(jobs):
        if job.not_buildable:
            outcomes[i] = BuildOutcome(Status.NOT_BUILT, job.not_buildable)
        elif resolver is not None:
            keys[i] = resolver.key(job)
            hit = cache.get(keys[i])
            if hit is not None:
                outcomes[i] = hit
                cached.add(i)
    first_of: dict[str, int] = {}  # the same example on several pages is built once per run
    copies: dict[int, int] = {}
    for i in sorted(keys):
        if i not in outcomes:
            if keys[i] in first_of:
                copies[i] = first_of[keys[i]]
            else:
                first_of[keys[i]] = i
    todo = [(i, job) for i, job in enumerate(jobs) if i not in outcomes and i not in copies]
    if progress:
        progress.start(len(jobs) - len(copies), len(jobs) - len(copies) - len(todo))

    def started(index: int, job: BuildJob, engine: Engine) -> None:
        if progress:
            progress.started(_short(job.name), engine.name)

    def finished(index: int, job: BuildJob, outcome: BuildOutcome) -> None:
        if cache is not None and index in keys:
            cache.put(keys[index], outcome, example=job.name, engine=outcome.engine)
        if progress:
            failed = outcome.status in (Status.BUILD_FAILED, Status.RUN_FAILED) and job.expect_run_ok
            progress.finished(_short(job.name), failed=failed)

    outcomes.update(run_on_engines(todo, engines, started, finished))
    for i, original in copies.items():
        outcomes[i] = outcomes[original]
        cached |= {i} if original in cached else set()
    return BatchResult([outcomes[i] for i in range(len(jobs))], cached, len(todo))


class KeyMaker:
    """Cache keys for jobs; memoizes image IDs and context digests for one run."""

    def __init__(self, builder, locked: dict[str, str]) -> None:
        self.builder = builder
        self.locked = locked
        self.settings = builder.settings() if hasattr(builder, "settings") else {"builder": type(builder).__name__}
        self._images: dict[str, str] = {}
        self._contexts: dict[tuple[Path, str | None], str] = {}
        self._refs: dict[str, list[str]] = {}

    def resolve_all(self, jobs: Sequence[BuildJob]) -> None:
        """Ask the engine for every base image at once (one client call per image, in parallel)."""
        refs = {ref for job in jobs for ref in self.refs(job) if ref not in self.locked}
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(self.image, sorted(refs)))

    def refs(self, job: BuildJob) -> list[str]:
        if job.dockerfile not in self._refs:
            self._refs[job.dockerfile] = external_images(parse(drop_syntax_line(job.dockerfile)[0]))
        return self._refs[job.dockerfile]

    def key(self, job: BuildJob) -> str:
        images = {ref: self.image(ref) for ref in self.refs(job)}
        where = (Path(job.context), job.dockerignore)
        if where not in self._contexts:
            self._contexts[where] = context_digest(*where)
        return build_key(job, images, self.settings, self._contexts[where])

    def image(self, ref: str) -> str:
        if ref in self.locked:
            return self.locked[ref]
        if ref not in self._images:
            resolve = getattr(self.builder, "image_id", None)
            self._images[ref] = (resolve(ref) if resolve else None) or "missing"
        return self._images[ref]


def _short(name: str) -> str:
    return name.rsplit("/", 1)[-1]
