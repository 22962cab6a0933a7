"""Write a project's snippets/images.lock for real-build tests, the way `snipcheck images lock`
does: each image resolved through the local stand-in registry (pinned), or unresolved with why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from snipcheck.builder import DockerBuilder
from snipcheck.builder.world import choose
from snipcheck.config import Config
from snipcheck.imagelock import LOCK_PATH, render
from snipcheck.images_cli import resolve_entry


def lock_images(root: Path, *refs: str) -> dict:
    """Pin `refs` for the project at `root`; returns the entries written."""
    world = choose(Config(offline=True))
    today = dt.date.today().isoformat()
    with DockerBuilder(world=world) as builder:
        entries = {ref: resolve_entry(builder, world, ref, today) for ref in refs}
    path = Path(root) / LOCK_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(entries), encoding="utf-8")
    return entries
