"""Writing a file so that a reader never sees half of it: the check cache, the build cache and the
measurements file are read by other processes (two builds, `mkdocs serve` and a CLI run) while
one writes."""

from __future__ import annotations

import os
from pathlib import Path

TEMP_PREFIX = ".tmp-"  # a temp file left by a killed writer; the check cache's trim removes old ones


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to a temp file beside `path`, then rename it over `path`: a reader sees
    the old file or the new one. The folder is made if missing. On any failure the temp file is
    removed and the error raised (OSError for a full disk or a read-only folder)."""
    import tempfile  # only when writing: a run served from the cache never loads it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, path)
    except BaseException:
        remove_quietly(temp)
        raise


def remove_quietly(path) -> None:
    """Delete a file if it is there; one already gone, or a folder that refuses, is not an error."""
    try:
        os.unlink(path)
    except OSError:
        pass
