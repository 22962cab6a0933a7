"""Progress of a long real build that a person can follow: examples done / total, the current
example, cache hits. One updating line on a terminal; on a pipe or in the MkDocs log a few sparse
lines (at most one per `every` seconds, plus the first and the last), never a flood.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, TextIO


class Progress:
    """Counts and formats; `emit(line, final)` writes. Thread-safe: engines report from workers."""

    def __init__(self, emit: Callable[[str, bool], None], every: float = 10.0, clock=time.monotonic) -> None:
        self.emit = emit
        self.every = every
        self.clock = clock
        self.total = self.done = self.cached = self.failed = 0
        self.current = ""
        self._last = float("-inf")
        self._lock = threading.Lock()

    def start(self, total: int, cached: int) -> None:
        with self._lock:
            self.total, self.done, self.cached = total, cached, cached
            self._show(force=True)

    def started(self, name: str, engine: str = "") -> None:
        with self._lock:
            self.current = f"{name} on {engine}" if engine else name
            self._show()

    def finished(self, name: str, failed: bool = False) -> None:
        with self._lock:
            self.done += 1
            self.failed += failed
            self._show(force=self.done == self.total)

    def line(self) -> str:
        text = f"real build: {self.done}/{self.total} examples, {self.cached} from cache"
        if self.failed:
            text += f", {self.failed} failed"
        if self.current and self.done < self.total:
            text += f"; building {self.current}"
        return text

    def _show(self, force: bool = False) -> None:
        now = self.clock()
        if force or now - self._last >= self.every:
            self._last = now
            self.emit(self.line(), self.done >= self.total)


def for_terminal(stream: TextIO, quiet: bool = False) -> Progress | None:
    """One line rewritten in place on a TTY; a line every 15 s otherwise. None when quiet."""
    if quiet:
        return None
    if stream.isatty():
        def emit(line: str, final: bool) -> None:
            stream.write("\r\033[K" + line[:200] + ("\n" if final else ""))
            stream.flush()
        return Progress(emit, every=0.0)

    def emit_line(line: str, final: bool) -> None:
        stream.write(line + "\n")
        stream.flush()
    return Progress(emit_line, every=15.0)


def for_log(info: Callable[[str], None], quiet: bool = False) -> Progress | None:
    """INFO lines for the MkDocs log: the start, one every 30 s at most, and the end."""
    if quiet:
        return None
    return Progress(lambda line, final: info(line), every=30.0)
