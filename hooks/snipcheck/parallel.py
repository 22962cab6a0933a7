"""Checking many snippets in a process pool; the answers come back in input order.

Workers run library functions only (functions defined in a MkDocs hook file cannot be pickled).
Each worker builds its RuleSet once; it sends back encoded, location-free results, which the
parent turns into the same SnippetResults a serial run makes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from .checkcache import encode
from .config import Config
from .registry import RuleSet
from .snippets import Snippet

PER_WORKER_MIN = 25  # fewer snippets than this per process do not pay for starting it
# Tasks per process: a process that runs out of work waits for the others' last task, so small
# tasks end the pool nearly together (with 4, one waited a median 0.18 s of a 1.4 s run here).
TASKS_PER_WORKER = 16
TASK_MIN = 8  # snippets: a task costs the pool about 0.15 ms here, a snippet about 0.7 ms to check
_worker: dict = {}  # per worker process: the RuleSet and Config it checks with


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(config: Config, pending: int) -> int:
    """How many processes to check `pending` snippets with (1: check them here, serially)."""
    if pending < max(config.parallel_min, 2):
        return 1
    jobs = config.jobs or available_cpus()
    return max(1, min(jobs, pending // PER_WORKER_MIN))


def check_encoded(snippets: list[Snippet], config: Config, workers: int, take: Callable[[list], None]) -> bool:
    """Hand the encoded result of each of `snippets` to `take`, in order, from `workers` processes, as
    their tasks end: the caller decodes one task's results while the workers check the next ones.
    False when the pool cannot start or breaks: `take` then has had the results of a first part.

    Forked workers already hold the snippets (they are set aside before the pool starts): a task is
    a range of indexes and only results cross the pipe. Other start methods get the snippets sent."""
    from concurrent.futures import ProcessPoolExecutor  # a tenth of a second to import: only for a pool
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    size = max(TASK_MIN, -(-len(snippets) // (workers * TASKS_PER_WORKER)))
    ranges = [(start, min(start + size, len(snippets))) for start in range(0, len(snippets), size)]
    inherited = context.get_start_method() == "fork"
    if inherited:  # import every rule once here, not once in each worker as its snippets need them
        RuleSet(config).load_all()
    _worker["snippets"] = snippets if inherited else None
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                 initargs=(config,)) as pool:
            tasks = ranges if inherited else [snippets[a:b] for a, b in ranges]
            for chunk in pool.map(_check_range if inherited else _check_list, tasks):
                for encoded in chunk:
                    take(encoded)
        return True
    except (OSError, BrokenProcessPool, RuntimeError):
        return False  # e.g. no semaphores in a sandbox: the caller checks the rest serially
    finally:
        _worker["snippets"] = None


def fork_is_safe() -> bool:
    """Whether this process may fork: fork is cheapest (the child has what the parent loaded) but
    unsafe with threads (mkdocs serve runs them: a forked copy can hang on a lock another held)."""
    import multiprocessing
    import threading

    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _context():
    import multiprocessing

    if fork_is_safe():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _start_worker(config: Config) -> None:
    _worker["config"] = config
    _worker["ruleset"] = RuleSet(config)


def _check_range(bounds: tuple[int, int]) -> list[list]:
    return [_check_one(snippet) for snippet in _worker["snippets"][bounds[0]:bounds[1]]]


def _check_list(snippets: list[Snippet]) -> list[list]:
    return [_check_one(snippet) for snippet in snippets]


def _check_one(snippet: Snippet) -> list:
    from .checker import check_snippet

    return encode(check_snippet(snippet, _worker["ruleset"], _worker["config"]))
