"""Limits of the real build: size checks over what the engine reports (pure), and a builder
wrapper that starts nothing after the deadline of the whole run."""

from __future__ import annotations

import time

from ..model import Dockerfile


def size_problem(image_bytes: int | None, layer_bytes: list[int], max_image: int, max_layer: int) -> str | None:
    """Why the image is too large ('image is 2.1 GB, over max_image_bytes (1.0 GB)'), or None."""
    if image_bytes is not None and image_bytes > max_image:
        return f"the image is {_gb(image_bytes)}, over max_image_bytes ({_gb(max_image)})"
    largest = max(layer_bytes, default=0)
    if largest > max_layer:
        return f"a layer is {_gb(largest)}, over max_layer_bytes ({_gb(max_layer)})"
    return None


def parse_layer_sizes(history: str) -> list[int]:
    """Layer sizes in bytes from `docker history --human=false --format '{{.Size}}'`."""
    return [int(line) for line in history.split() if line.strip().isdigit()]


def _gb(n: int) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e8 else f"{n / 1e6:.1f} MB"


def base_image(df: Dockerfile) -> str | None:
    """The image the final stage is built on, through its own earlier stages (None: scratch)."""
    if not df.stages:
        return None
    stage = df.stages[-1]
    while stage.parent is not None:
        stage = df.stages[stage.parent]
    base = stage.base_resolved
    return None if not base or base.lower() == "scratch" else base


class WithDeadline:
    """A builder that starts no build after `deadline` (time.monotonic()): such jobs are reported
    over `total_build_timeout` (DG013), never cached. Everything else is the wrapped builder's."""

    def __init__(self, builder, deadline: float, total: float) -> None:
        self.wrapped = builder
        self.deadline = deadline
        self.total = total

    def build_and_run(self, job):
        from .model import BuildOutcome, Status

        if time.monotonic() > self.deadline:
            return BuildOutcome(Status.LIMIT, f"not started: the whole real build went over total_build_timeout "
                                              f"({self.total:.0f} s)", transient=True)
        return self.wrapped.build_and_run(job)

    def __getattr__(self, name):
        return getattr(self.wrapped, name)
