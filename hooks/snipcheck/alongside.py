"""Checking a site's snippets in one forked process while MkDocs renders its pages.

MkDocs renders on one core. Checking every snippet before the first page renders adds the whole
checking time to the build; a second process that checks while the first renders hides it where
there is a second core. Pages are rendered in the order their snippets were collected, so the results
come back in that order, a few at a time, and the renderer waits only for the snippets of the page it
is on: checking a page's snippets takes about a millisecond, rendering the page ten or more.

Only where `fork` is the start method and the process runs one thread (a forked copy of a threaded
process can hang on a lock another thread held; `mkdocs serve` runs threads): the child has the
snippets and the rules without their being sent. Elsewhere, or when the child fails, the caller
checks what is left itself (batch.Batch): the results are the same either way.
"""

from __future__ import annotations

import signal

from .checkcache import encode
from .config import Config
from .parallel import fork_is_safe
from .registry import RuleSet
from .snippets import Snippet

MIN_SNIPPETS = 25  # fewer do not pay for starting a process (a fork of a big MkDocs process)
FIRST_CHUNK, CHUNK = 2, 16  # results per message: the first page waits for little, then fewer messages
_WAIT_SECONDS = 600  # no message for this long: the child is stuck, and the parent checks the rest


def possible(config: Config, pending: int) -> bool:
    """Whether checking `pending` snippets alongside is possible and worth a process here."""
    return config.jobs != 1 and pending >= MIN_SNIPPETS and fork_is_safe()


class Alongside:
    """The parent's end: receive() gives the next results sent (encoded, in order), None when the
    child sends no more (done, failed or stuck)."""

    def __init__(self, process, connection) -> None:
        self.process, self.connection = process, connection

    def receive(self) -> list | None:
        try:
            if not self.connection.poll(_WAIT_SECONDS):
                return None
            chunk = self.connection.recv()
        except (EOFError, OSError):
            return None
        return chunk if isinstance(chunk, list) and chunk else None

    def close(self) -> None:
        """End the child (done or not) and reap it."""
        self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)


def start(snippets: list[Snippet], ruleset: RuleSet, config: Config) -> Alongside | None:
    """A forked process checking `snippets` in order; None if none can start."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    # Ctrl-C during the fork would interrupt the child's start-up (a traceback of its own): it is held
    # back across the fork. The child ignores it; here it is raised where the fork returns, in this
    # frame (_interrupt_point), not in whichever finalizer runs next, which would swallow it.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_check_and_send, args=(sending, snippets, ruleset, config),
                                  name="snipcheck-alongside", daemon=True)
        process.start()
        sending.close()  # the parent's copy: the child's end closing is then the end of the stream
        del sending  # and its finalizer run now, while Ctrl-C is held back
    except (OSError, RuntimeError, ValueError):
        return None  # no fork, no pipes (a sandbox): the caller checks them itself
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        _interrupt_point()
    return Alongside(process, receiving)


def _interrupt_point() -> None:
    """A Python call: a Ctrl-C held back until now is raised on entering it (a finalizer would swallow it)."""


def _check_and_send(connection, snippets: list[Snippet], ruleset: RuleSet, config: Config) -> None:
    """In the child: check each snippet and send the encoded results in order, a chunk at a time.
    Ctrl-C is the parent's to act on (it ends this process when its build stops)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by start(): now dropped
    from .checker import check_snippet

    chunk: list = []
    size = FIRST_CHUNK
    try:
        for snippet in snippets:
            chunk.append(encode(check_snippet(snippet, ruleset, config)))
            if len(chunk) >= size:
                connection.send(chunk)
                chunk, size = [], CHUNK
        if chunk:
            connection.send(chunk)
    except (Exception, KeyboardInterrupt):  # noqa: BLE001 - the parent stopped listening (its build
        pass  # failed or was interrupted), or a stale rule catalog (CatalogError): the parent checks
        # what is left itself and reports it there; no traceback of this process's own
    finally:
        connection.close()
