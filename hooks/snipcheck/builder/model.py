"""What the builder is given and what it hands back: a build job and its outcome.

`Builder` is the one interface between the checker and an engine: the real `DockerBuilder`
implements it, and logic tests may pass a fake.
"""

from __future__ import annotations

import enum
from ..records import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .facts import ImageFacts


class Status(str, enum.Enum):
    OK = "ok"  # built, and the run did what the snippet promises
    BUILD_FAILED = "build-failed"
    RUN_FAILED = "run-failed"
    NOT_BUILT = "not-built"  # could not be tried here (image, frontend): never a failure
    REFUSED = "refused"  # not started: names an image that is not allowed, or wants the network (DG012)
    LIMIT = "limit-exceeded"  # stopped or removed: a time or size limit (DG013)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class BuildJob:
    """One Dockerfile to build against a context, and what to run in the image afterwards."""

    name: str  # where the snippet is written, e.g. "docs/guide/static.md:42"
    dockerfile: str  # the text as the page shows it
    context: Path  # the build context folder (the sample app)
    build_args: tuple[tuple[str, str], ...] = ()
    run_args: tuple[str, ...] = ("selfcheck",)
    expect_run_ok: bool = True  # False for a declared bad example
    dockerignore: str | None = None  # .dockerignore text to build with; None keeps the context's own
    not_buildable: str = ""  # set when the job cannot be tried at all (reason shown as "not built")
    network: bool = False  # the example declared network="build": its build (never its run) gets the network
    example: str = ""  # the example file's name without .Dockerfile ("static-scratch"), "" when inline

    @property
    def build_arg_dict(self) -> dict[str, str]:
        return dict(self.build_args)


@dataclass(frozen=True)
class BuildOutcome:
    """What happened. `reason` is the one-line summary; the other fields carry the evidence."""

    status: Status
    reason: str = ""
    failed_step: str = ""  # BuildKit's step name, e.g. "[build 3/6] COPY go.mod go.sum ./"
    failed_line: int = 0  # snippet line of the instruction behind failed_step (0: not known)
    log_tail: str = ""  # the failing step's last output lines (build) or the run's output (run)
    exit_code: int | None = None  # of the run
    image_size: int | None = None  # bytes, as `docker image inspect` reports
    build_seconds: float | None = None
    run_seconds: float | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. that a `# syntax=` line was dropped
    world: str = ""  # what it was built on: "built on alpine:3.24@sha256:…" or "… a local stand-in of …"
    facts: "ImageFacts | None" = None  # measured from the built image (size, layers, waste, user)
    engine: str = ""  # which engine built it, e.g. "unix:///var/run/docker.sock"
    transient: bool = False  # says more about the moment than the example (a timeout): never cached
    cached: bool = False  # read from the build cache, not built in this run

    @property
    def built(self) -> bool:
        return self.status in (Status.OK, Status.RUN_FAILED)


class Builder(Protocol):
    """Builds a job's Dockerfile, runs the image and says what happened. Never raises for a
    failing build or run: those are outcomes. Raises only when the engine itself is unusable."""

    def build_and_run(self, job: BuildJob) -> BuildOutcome: ...


class EngineError(RuntimeError):
    """The engine cannot be used at all (not running, client missing): a tool failure."""
