"""Where a page may read from: one containment rule for every path a page can name.

Includes (`--8<--`), a fence's `dockerignore="…"`, a Dockerfile's `.dockerignore` and the build
context all resolve here. A path is looked up in its base folders the way pymdownx.snippets does
(it must stay inside the base it is joined to), then resolved with symlinks followed: the real
file must lie inside the allowed roots. Anything else is a `Refused` value that names the path as
the page wrote it, never the target or its content. Reads are capped, so a huge or endless file
(a sparse file, /dev/zero) stops at the limit instead of filling memory.
"""

from __future__ import annotations

import os
from .records import dataclass
from collections.abc import Iterable
from pathlib import Path

OUTSIDE = "DG008"  # path-outside-allowed-folders
UNREADABLE = "DG009"  # input-refused: too large, not text, not readable


@dataclass(frozen=True)
class Refused:
    """Why a path a page names was not read (rule ID and a message without the file's content)."""

    rule: str
    message: str
    line: int = 0  # where in the file, when the refusal is about its content (e.g. bad encoding)
    binary: bool = False  # not a text file at all: callers skip it with a note
    limit: bool = False  # refused for the checker's own limits (size, encoding), not for safety


@dataclass(frozen=True)
class Download:
    """An include of a URL that pymdownx.snippets downloads when the site is built (its `url_download`).
    The checker never downloads: the block it lands in is checked as rendered."""

    url: str


def is_url(name: str) -> bool:
    """Does pymdownx.snippets take this include name for a URL?"""
    return name.lower().startswith(("https://", "http://"))


@dataclass(frozen=True)
class Roots:
    """The folders a page may read from, resolved once (symlinks followed)."""

    folders: tuple[Path, ...]

    @classmethod
    def of(cls, folders: Iterable[Path | str]) -> "Roots":
        out: list[Path] = []
        for folder in folders:
            real = Path(os.path.realpath(folder))
            if real not in out:
                out.append(real)
        return cls(tuple(out))

    def contains(self, path: Path | str) -> bool:
        """Is the real path (symlinks followed) of `path` one of the roots or inside one?"""
        real = os.path.realpath(path)
        return any(_inside(real, str(root)) for root in self.folders)


def locate(name: str, bases: Iterable[Path], roots: Roots) -> Path | Refused | None:
    """The file `name` names, looked up in `bases` in order (first hit wins, as pymdownx does).

    None when no base has it; `Refused` when the name leaves its base (`../`, an absolute path)
    or the file found is, through a symlink, outside the allowed roots."""
    if not name or "\x00" in name:
        return Refused(OUTSIDE, f"path {name!r} is not a file name")
    escaped = False
    for base in bases:
        base_abs = os.path.abspath(base)
        candidate = os.path.abspath(os.path.join(base_abs, name))
        if not _inside(candidate, base_abs):
            escaped = True  # pymdownx.snippets skips such a base; MkDocs never renders the file
            continue
        if not os.path.lexists(candidate):
            continue
        return check_inside(Path(candidate), roots, name)
    if escaped:
        return Refused(OUTSIDE, f"path {name!r} leaves the snippet folders (an absolute path or `..`); "
                                "it is not read")
    return None


def check_inside(path: Path, roots: Roots, shown: str) -> Path | Refused:
    """`path` itself when its real location is inside the roots; else `Refused` naming `shown`."""
    if roots.contains(path):
        return path
    return Refused(OUTSIDE, f"path {shown!r} resolves (through a symlink) to a file outside the allowed "
                            "folders; it is not read")


def symlinks_leaving(folder: Path, roots: Roots) -> list[str]:
    """Symlinks under `folder` whose targets lie outside the roots (relative names, sorted)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) and not roots.contains(path):
                out.append(os.path.relpath(path, folder))
    return sorted(out)


def read_capped(path: Path, limit: int, shown: str) -> str | Refused:
    """The file's text, or `Refused` when it is not a regular file, larger than `limit` bytes,
    binary, or not UTF-8/UTF-16 text. Never reads more than `limit + 1` bytes."""
    try:
        if not path.is_file():
            return Refused(UNREADABLE, f"{shown!r} is not a regular file; it is not read")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return Refused(UNREADABLE, f"cannot read {shown!r}: {exc.strerror}")
    if len(data) > limit:
        return Refused(UNREADABLE, f"{shown!r} is larger than the limit of {limit} bytes (max_file_bytes); "
                                   "it is not read", limit=True)
    return decode(data, shown)


def decode(data: bytes, shown: str) -> str | Refused:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else, or NUL bytes, is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Refused(UNREADABLE, f"{shown!r} starts with a UTF-16 byte order mark but is not UTF-16",
                           limit=True)
    if b"\x00" in data:
        return Refused(UNREADABLE, f"{shown!r} is a binary file (it holds NUL bytes); it is not read", binary=True,
                       limit=True)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Refused(UNREADABLE, f"{shown!r} is not UTF-8 text (line {line}, byte {exc.start})", line=line,
                       limit=True)


def _inside(path: str, folder: str) -> bool:
    folder = folder.rstrip(os.sep) or os.sep
    return path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep)
