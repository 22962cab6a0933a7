"""Several build engines at once, each with its own concurrency limit.

An engine is a Docker endpoint (DOCKER_HOST style: unix://, tcp://, ssh://) or a buildx builder
(`buildx:NAME`), written as the `engines` setting: "unix:///var/run/docker.sock jobs=2". Jobs are
spread over the healthy engines (a worker thread per slot takes the next job). When a job comes
back failed and its engine no longer answers, the engine is dropped and the job goes back in the
queue for another engine: every job ends with exactly one outcome, or the run fails as a whole.
"""

from __future__ import annotations

import queue
import re
import threading
from ..records import dataclass
from typing import Callable, Sequence

from .model import Builder, BuildJob, BuildOutcome, EngineError, Status

_SPEC = re.compile(r"^(?P<endpoint>\S+)(?:\s+jobs=(?P<jobs>\d+))?\s*$")
_SCHEMES = ("unix://", "tcp://", "ssh://", "npipe://", "fd://", "buildx:")


@dataclass(frozen=True)
class EngineSpec:
    endpoint: str  # "unix:///run/docker.sock", "ssh://ci@farm-1", "buildx:farm", or "" for the default
    jobs: int = 1  # builds at once on this engine

    @property
    def buildx(self) -> str:
        return self.endpoint.removeprefix("buildx:") if self.endpoint.startswith("buildx:") else ""


def parse_engines(values: Sequence[str]) -> list[EngineSpec]:
    """'unix:///a.sock jobs=2', 'ssh://ci@farm-1', 'buildx:farm jobs=8' -> specs; ValueError says which."""
    specs = []
    for value in values:
        m = _SPEC.match(value.strip())
        if not m or not m.group("endpoint").startswith(_SCHEMES):
            raise ValueError(f"engine {value!r}: expected ENDPOINT [jobs=N] with ENDPOINT unix://, tcp://, "
                             f"ssh:// or buildx:NAME")
        jobs = int(m.group("jobs") or 1)
        if not 1 <= jobs <= 64:
            raise ValueError(f"engine {value!r}: jobs must be between 1 and 64")
        specs.append(EngineSpec(m.group("endpoint"), jobs))
    return specs


class Engine:
    """A builder plus how many jobs it may run at once; `alive` turns False for good once it fails."""

    def __init__(self, builder: Builder, jobs: int = 1, name: str = "") -> None:
        self.builder = builder
        self.jobs = jobs
        self.name = name or getattr(builder, "name", "engine")
        self.alive = True
        self.error = ""
        self.done = 0

    def healthy(self) -> bool:
        check = getattr(self.builder, "check_engine", None)
        if check is None:
            return True
        try:
            check()
            return True
        except EngineError as exc:
            self.error = str(exc)
            return False


Started = Callable[[int, BuildJob, Engine], None]
Finished = Callable[[int, BuildJob, BuildOutcome], None]


def run_on_engines(jobs: Sequence[tuple[int, BuildJob]], engines: Sequence[Engine],
                   started: Started = lambda *a: None, finished: Finished = lambda *a: None) -> dict[int, BuildOutcome]:
    """Run (index, job) pairs on the engines; outcomes by index. Raises EngineError when engines
    died with jobs left over (the message says which engine failed how)."""
    todo: queue.Queue = queue.Queue()
    for item in jobs:
        todo.put(item)
    results: dict[int, BuildOutcome] = {}
    lock = threading.Lock()
    all_done = threading.Event()
    if not jobs:
        return results

    def worker(engine: Engine) -> None:
        while engine.alive and not all_done.is_set():
            try:
                index, job = todo.get(timeout=0.2)
            except queue.Empty:
                continue
            started(index, job, engine)
            try:
                outcome = engine.builder.build_and_run(job)
            except EngineError as exc:
                engine.error, outcome = str(exc), None
            except Exception as exc:  # a crash of one build must not lose the job
                engine.error, outcome = f"{type(exc).__name__}: {exc}", None
            if (outcome is None or outcome.status is not Status.OK) and not engine.healthy():
                engine.alive = False  # the engine is gone: give the job to another one
                todo.put((index, job))
                return
            if outcome is None:  # the engine answers but the builder crashed: report, do not retry forever
                outcome = BuildOutcome(Status.NOT_BUILT, f"the builder failed: {engine.error}", transient=True)
            with lock:
                results[index] = outcome
                engine.done += 1
                if len(results) == len(jobs):
                    all_done.set()
            finished(index, job, outcome)

    threads = [threading.Thread(target=worker, args=(engine,), name=f"build-{engine.name}-{slot}", daemon=True)
               for engine in engines if engine.alive for slot in range(engine.jobs)]
    for thread in threads:
        thread.start()
    try:
        while not all_done.is_set():
            if not any(thread.is_alive() for thread in threads):
                break
            all_done.wait(0.2)
    except BaseException:  # stopped by a signal: end the builds now, let the workers clean up, go on
        all_done.set()
        for engine in engines:
            getattr(engine.builder, "stop", lambda: None)()
        for thread in threads:
            thread.join(timeout=120)
        raise
    all_done.set()
    for thread in threads:
        thread.join()
    if len(results) < len(jobs):
        why = "; ".join(f"{e.name}: {e.error}" for e in engines if not e.alive) or "no engine"
        raise EngineError(f"{len(jobs) - len(results)} of {len(jobs)} builds could not be done: every engine "
                          f"failed ({why})")
    return results


def healthy_engines(engines: Sequence[Engine]) -> list[Engine]:
    """The engines that answer now; EngineError listing each failure when none does."""
    for engine in engines:
        engine.alive = engine.healthy()
    alive = [e for e in engines if e.alive]
    if not alive:
        raise EngineError("; ".join(e.error for e in engines) or "no build engine configured")
    return alive
