"""SIGINT and SIGTERM as exceptions, so a stopped run unwinds through every `finally` and removes
what it made; the CLI exits 130 or 143 afterwards. No imports beyond the standard library."""

from __future__ import annotations

import signal
from contextlib import contextmanager


class Terminated(BaseException):
    """SIGTERM arrived (like KeyboardInterrupt for SIGINT): unwinds through every `finally`."""


EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}  # 128 + signal number, as shells report them


@contextmanager
def signals_raise():
    """While inside, SIGINT raises KeyboardInterrupt and SIGTERM raises `Terminated` in the main
    thread, once: a second signal is ignored so the cleanup it started can finish. The previous
    handlers come back afterwards. Elsewhere than the main thread it changes nothing."""
    def handler(signum, frame):
        for sig in EXIT_CODES:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt() if signum == signal.SIGINT else Terminated()

    try:
        previous = {sig: signal.signal(sig, handler) for sig in EXIT_CODES}
    except ValueError:  # not the main thread, the only one that may set handlers (threading is not imported)
        previous = None
    if previous is None:
        yield
        return
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
