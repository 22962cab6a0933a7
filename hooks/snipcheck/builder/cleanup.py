"""Leave nothing behind: find this run's build-cache records, and turn SIGTERM into an exception
so that a stopped run still removes its containers, images and temporary folders."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
from contextlib import contextmanager

from .model import EngineError


class Terminated(BaseException):
    """SIGTERM arrived (like KeyboardInterrupt for SIGINT): unwinds through every `finally`."""


class Stopped(EngineError):
    """The run is being stopped: no new docker command starts (worker threads unwind at once)."""


class Processes:
    """The docker client processes a builder has running, so a stopped run can end them all at
    once (builds run in worker threads, which a signal does not reach)."""

    def __init__(self) -> None:
        self._running: set[subprocess.Popen] = set()
        self._lock = threading.Lock()
        self.stopped = False

    def run(self, args: list[str], *, timeout: float, env: dict) -> subprocess.CompletedProcess:
        """Like subprocess.run(capture_output=True, text=True), but stoppable."""
        with self._lock:
            if self.stopped:
                raise Stopped("the run was stopped")
            proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    text=True, errors="replace", env=env)
            self._running.add(proc)
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException:  # a timeout or a signal: the client must not outlive the call
            proc.kill()
            proc.communicate()
            raise
        finally:
            with self._lock:
                self._running.discard(proc)
        return subprocess.CompletedProcess(args, proc.returncode, out, err)

    def stop(self) -> None:
        """Kill every running docker client; later calls raise Stopped until `resume()`."""
        with self._lock:
            self.stopped = True
            for proc in self._running:
                proc.kill()

    def resume(self) -> None:
        self.stopped = False


def own_records(build_cache_json: str, marker: str) -> list[str]:
    """IDs of build-cache records (`docker system df -v --format '{{json .BuildCache}}'`) whose
    description carries this run's marker: the RUN steps and cache mounts it made, nothing else.
    Children first, so that pruning them frees their parents."""
    try:
        records = json.loads(build_cache_json or "[]") or []
    except ValueError:
        return []
    own = [r for r in records if marker in str(r.get("Description", ""))]
    ids = {r.get("ID") for r in own}
    children_first = sorted(own, key=lambda r: r.get("Parent") not in ids)
    return [r["ID"] for r in children_first if r.get("ID")]


EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}  # 128 + signal number, as shells report them


@contextmanager
def signals_raise():
    """While inside, SIGINT raises KeyboardInterrupt and SIGTERM raises `Terminated` in the main
    thread, once: a second signal is ignored so the cleanup it started can finish. The previous
    handlers come back afterwards. Elsewhere than the main thread it changes nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        for sig in EXIT_CODES:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt() if signum == signal.SIGINT else Terminated()

    previous = {sig: signal.signal(sig, handler) for sig in EXIT_CODES}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
