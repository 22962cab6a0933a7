"""Where snipcheck keeps what it may reuse between runs (check results, build results, stand-in
root filesystems). One folder, safe to delete at any time; each user of it owns one subfolder."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomicfile import write_atomically


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


def read_entries(path: Path | None, format) -> dict[str, str]:
    """The entries of a cache file that keeps each entry as its own text (`{"format": format,
    "entries": {key: text}}`), parsed by the caller only when looked up; {} for no path or a
    missing, damaged or other-format file."""
    return read_entries_and_idle(path, format)[0]


def read_entries_and_idle(path: Path | None, format) -> tuple[dict[str, str], dict[str, int]]:
    """read_entries, and the file's `idle` counts (key -> how many runs in a row did not use that
    entry; 0 for an entry without one)."""
    if path is None:
        return {}, {}
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}, {}
    if not isinstance(data, dict) or data.get("format") != format or not isinstance(data.get("entries"), dict):
        return {}, {}
    entries = {k: v for k, v in data["entries"].items() if isinstance(v, str)}
    idle = data.get("idle")
    idle = {k: v for k, v in idle.items() if k in entries and type(v) is int} if isinstance(idle, dict) else {}
    return entries, idle


def write_entries(path: Path, format, entries: dict[str, str], keep: int, idle: dict[str, int] | None = None) -> None:
    """Write such a file atomically (with its `idle` counts, if any), then keep only the `keep`
    newest files of its folder. OSError (a full disk, a read-only or deleted folder) is the caller's
    to ignore."""
    data: dict = {"format": format, "entries": entries, **({"idle": idle} if idle else {})}
    write_atomically(path, json.dumps(data, separators=(",", ":")))
    keep_newest(path.parent, keep)
