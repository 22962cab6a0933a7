"""Check many snippets at once, the one place the CLI and the hook do it: reuse what is cached
(in memory across `mkdocs serve` rebuilds, then on disk), check the rest (in a process pool when
there are many), store the new results. Output is the same, in the same order, whichever path.
"""

from __future__ import annotations

from .records import dataclass

from . import parallel
from .checkcache import CheckCache, decode, encode
from .config import Config
from .internal_errors import RULE_ID as INTERNAL_ERROR
from .registry import RuleSet
from .snippets import Snippet


@dataclass
class BatchStats:
    """What a batch cost: results reused from memory or disk, snippets the rules ran on, processes."""

    from_memory: int = 0
    from_disk: int = 0
    checked: int = 0
    workers: int = 1

    @property
    def reused(self) -> int:
        return self.from_memory + self.from_disk

    def as_dict(self) -> dict:
        return {"from_memory": self.from_memory, "from_disk": self.from_disk, "checked": self.checked,
                "workers": self.workers}


def check_many(snippets: list[Snippet], ruleset: RuleSet, config: Config, cache: CheckCache | None = None,
               memo: dict | None = None) -> tuple[list, BatchStats]:
    """Results of `snippets` in order, and what they cost. `memo` (snippet -> result) is kept by the
    caller between runs in one process; `cache` is the persistent store (None: `cache: false`)."""
    stats = BatchStats()
    results: list = [None] * len(snippets)
    keys: dict[int, str] = {}
    pending: list[int] = []
    for n, snippet in enumerate(snippets):
        found = memo.get(snippet) if memo is not None else None
        if found is not None:
            stats.from_memory += 1
        elif cache is not None:
            keys[n] = cache.key(snippet)
            found = cache.get(snippet, keys[n])
            stats.from_disk += found is not None
        if found is None:
            pending.append(n)
        results[n] = found
    stats.workers = parallel.worker_count(config, len(pending))
    encoded = None
    if stats.workers > 1:
        encoded = parallel.check_encoded([snippets[n] for n in pending], config, stats.workers)
    if encoded is None:
        stats.workers = 1
    if encoded is None and pending:
        from . import checker  # the checking machinery, only when something is left to check
    for i, n in enumerate(pending):
        if encoded is None:
            results[n] = checker.check_snippet(snippets[n], ruleset, config)
        else:
            results[n] = decode(encoded[i], snippets[n], config)
        # A result the checker failed on (DG017) is not stored: the next run, maybe fixed, tries again.
        if cache is not None and not any(f.rule == INTERNAL_ERROR for f in results[n].findings):
            cache.put(keys[n], encoded[i] if encoded is not None else encode(results[n]))
    stats.checked = len(pending)
    if memo is not None:  # only this run's snippets: a long `mkdocs serve` does not grow it
        memo.clear()
        memo.update((snippets[n], results[n]) for n in range(len(snippets)))
    if cache is not None:
        if not stats.from_memory:  # results served from memory never passed through the cache
            cache.save_bundle()
        if cache.written:
            cache.trim()
    return results, stats
