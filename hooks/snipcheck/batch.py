"""Check many snippets at once, the one place the CLI and the hook do it: reuse what is cached
(in memory across `mkdocs serve` rebuilds, then on disk), check the rest (in a process pool when
there are many, or in one process beside a site's rendering), store the new results. Output is the
same, in the same order, whichever path.
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
    alongside: bool = False  # checked in one process while the site rendered (see alongside.py)

    @property
    def reused(self) -> int:
        return self.from_memory + self.from_disk

    def as_dict(self) -> dict:
        return {"from_memory": self.from_memory, "from_disk": self.from_disk, "checked": self.checked,
                "workers": self.workers, "alongside": self.alongside}


def check_many(snippets: list[Snippet], ruleset: RuleSet, config: Config, cache: CheckCache | None = None,
               memo: dict | None = None) -> tuple[list, BatchStats]:
    """Results of `snippets` in order, and what they cost. `memo` (snippet -> result) is kept by the
    caller between runs in one process; `cache` is the persistent store (None: `cache: false`)."""
    batch = Batch(snippets, ruleset, config, cache, memo)
    batch.check_now()
    return batch.results(), batch.stats


class Batch:
    """The results of `snippets`, looked up in `memo` and `cache` at once; the rest checked by
    check_now (serially or in a pool) or by check_alongside (a forked process that sends the results
    back in order while the caller goes on). `result(n)` waits for one; `results()` for all, and
    stores what was checked."""

    def __init__(self, snippets: list[Snippet], ruleset: RuleSet, config: Config, cache: CheckCache | None = None,
                 memo: dict | None = None) -> None:
        self.snippets, self.ruleset, self.config, self.cache, self.memo = snippets, ruleset, config, cache, memo
        self.stats = BatchStats()
        self._results: list = [None] * len(snippets)
        self._keys: dict[int, str] = {}
        self.pending: list[int] = []  # indexes of the snippets no store had, in order
        self._stream = None  # an alongside.Alongside while its results come in
        self._received = 0  # pending[:_received] have their results
        self._stored = False
        for n, snippet in enumerate(snippets):
            found = memo.get(snippet) if memo is not None else None
            if found is not None:
                self.stats.from_memory += 1
            elif cache is not None:
                self._keys[n] = cache.key(snippet)
                found = cache.get(snippet, self._keys[n])
                self.stats.from_disk += found is not None
            if found is None:
                self.pending.append(n)
            self._results[n] = found
        self.stats.checked = len(self.pending)

    def check_now(self) -> None:
        """Check every pending snippet before returning: in a pool when there are many, else here."""
        self.stats.workers = parallel.worker_count(self.config, len(self.pending))
        if self.stats.workers > 1 and parallel.check_encoded([self.snippets[n] for n in self.pending], self.config,
                                                             self.stats.workers, self._take):
            return
        if not self._received:  # no pool ran (a pool that broke on the way still checked a first part)
            self.stats.workers = 1
        self._check_rest_here()

    def check_alongside(self) -> bool:
        """Start checking the pending snippets in one forked process, which sends their results back in
        order while this one goes on. False when no such process can start here (see alongside.py):
        then nothing has started, and check_now is the way."""
        if not self.pending:
            return False  # a warm build: every result was stored
        from . import alongside

        if not alongside.possible(self.config, len(self.pending)):
            return False
        self._stream = alongside.start([self.snippets[n] for n in self.pending], self.ruleset, self.config)
        if self._stream is None:
            return False
        self.stats.alongside = True
        return True

    def result(self, n: int):
        """The result of snippet `n`, waiting for it if it is still being checked."""
        while self._results[n] is None:
            self._next()
        return self._results[n]

    def results(self) -> list:
        """Every result in order (waiting for those still being checked); the new ones stored once."""
        while self._received < len(self.pending):
            self._next()
        self.close()  # the process has sent everything: reap it
        if not self._stored:
            self._stored = True
            self._store()
        return list(self._results)

    def close(self) -> None:
        """End the process alongside, if any: done, or still checking for a build that failed."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def _next(self) -> None:
        """Take the next results that arrive; if the process sends no more, check the rest here."""
        chunk = self._stream.receive() if self._stream is not None else None
        if chunk is None:
            self.close()
            self._check_rest_here()
            return
        for item in chunk:
            try:
                result = decode(item, self.snippets[self.pending[self._received]], self.config)
            except (ValueError, TypeError, IndexError, KeyError):  # not what the child sends: trust none of it
                self.close()
                self._check_rest_here()
                return
            self._take(item, result)

    def _check_rest_here(self) -> None:
        if self._received < len(self.pending):
            from . import checker  # the checking machinery, only when something is left to check

            for n in self.pending[self._received:]:
                self._take(None, checker.check_snippet(self.snippets[n], self.ruleset, self.config))

    def _take(self, encoded: list | None, result=None) -> None:
        """The result of the next pending snippet: checked here (`result`), from a pool (`encoded`), or
        both (from the process alongside, decoded already)."""
        n = self.pending[self._received]
        if result is None:
            result = decode(encoded, self.snippets[n], self.config)
        self._results[n] = result
        self._received += 1
        # A result the checker failed on (DG017) is not stored: the next run, maybe fixed, tries again.
        if self.cache is not None and not any(f.rule == INTERNAL_ERROR for f in result.findings):
            self.cache.put(self._keys[n], encoded if encoded is not None else encode(result))

    def _store(self) -> None:
        if self.memo is not None:  # only this run's snippets: a long `mkdocs serve` does not grow it
            self.memo.clear()
            self.memo.update(zip(self.snippets, self._results))
        if self.cache is not None:
            # results served from memory never passed through the cache: which entries they were is not known
            self.cache.save_bundle(partial=bool(self.stats.from_memory))
            if self.cache.written:
                self.cache.trim()
