"""Where snipcheck keeps what it may reuse between runs (check results, build results, stand-in
root filesystems). One folder, safe to delete at any time; each user of it owns one subfolder."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root(configured: str = "", environ: dict[str, str] | None = None) -> Path:
    """The cache folder: the `cache_dir` setting, else $XDG_CACHE_HOME/snipcheck, else ~/.cache/snipcheck."""
    environ = os.environ if environ is None else environ
    if configured:
        return Path(configured).expanduser()
    xdg = environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "snipcheck"


def cache_folder(kind: str, configured: str = "") -> Path:
    """The subfolder for one kind of cached data ("checks", "builds", "standins"), not yet created."""
    if not kind or "/" in kind or kind.startswith("."):
        raise ValueError(f"bad cache kind {kind!r}")
    return cache_root(configured) / kind


def keep_newest(folder: Path, keep: int) -> None:
    """Delete all but the `keep` most recently written JSON files of `folder` (caches that hold one
    file per key and keep only the keys seen lately). OSError (a file gone meanwhile, a read-only
    folder) is the caller's to ignore."""
    for old in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
        old.unlink(missing_ok=True)
