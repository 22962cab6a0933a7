"""Leave nothing behind: find this run's build-cache records, and keep the docker clients a
builder runs stoppable, so that a stopped run ends its builds at once and cleans up after them
(signals themselves: snipcheck/signals.py)."""

from __future__ import annotations

import json
import subprocess
import threading
from contextlib import contextmanager

from .model import EngineError


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
