"""snippets/images.lock: the base images the examples are built on, one a line, readable text.

    # reference                                   digest         platform     resolved    kind
    golang:1.27-trixie                            sha256:4f1c…   linux/amd64  2026-11-30  stand-in
    alpine:3.24                                   -              linux/amd64  2026-11-30  unresolved  # why

`kind` says what the digest belongs to: `registry` (the image a reader pulls) or `stand-in` (a
local imitation made by tools/standins.sh, valid only on the machine that made it); `unresolved`
is an image an example names that no registry reachable where the lock was written served, with
the reason as the line's comment: it is listed (a real build may name it), but pins nothing.
Pure, but for `load`: text in, entries out, and back; the CLI (`snipcheck images ...`) does the rest.
"""

from __future__ import annotations

import re
from .records import dataclass
from pathlib import Path

LOCK_PATH = "snippets/images.lock"
KINDS = ("registry", "stand-in", "unresolved")
UNRESOLVED = "unresolved"
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER = (
    "# Base images the examples are built on: `snipcheck images lock` writes this file,\n"
    "# `snipcheck images update` refreshes it, builds use these digests. kind: registry = the image\n"
    "# a reader pulls; stand-in = a local imitation (tools/standins.sh), valid only where it was made;\n"
    "# unresolved = named by an example, but no registry reachable here served it (the comment says why).\n"
)


class LockError(ValueError):
    """A line of the lock file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class LockedImage:
    reference: str  # as the examples write it, e.g. "golang:1.27-trixie"
    digest: str  # "sha256:…" of the manifest the registry served
    platform: str = "linux/amd64"
    resolved: str = ""  # YYYY-MM-DD
    kind: str = "registry"
    reason: str = ""  # for an unresolved image: why it could not be had

    @property
    def standin(self) -> bool:
        return self.kind == "stand-in"

    @property
    def unresolved(self) -> bool:
        return self.kind == UNRESOLVED

    @property
    def pinned(self) -> str:
        """'golang:1.27-trixie@sha256:…'"""
        return f"{self.reference.split('@', 1)[0]}@{self.digest}"


def parse(text: str, path: str = LOCK_PATH) -> dict[str, LockedImage]:
    """Entries by reference. LockError for a malformed line (file:line and what is wrong)."""
    entries: dict[str, LockedImage] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line, _, comment = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        words = line.split()
        if len(words) != 5:
            raise LockError(f"{path}:{number}: expected 5 columns (reference digest platform resolved kind), "
                            f"got {len(words)}")
        ref, digest, platform, resolved, kind = words
        if kind == UNRESOLVED and digest != "-":
            raise LockError(f"{path}:{number}: an unresolved image has no digest: write '-' for it")
        if kind != UNRESOLVED and not _DIGEST.match(digest):
            raise LockError(f"{path}:{number}: {digest[:80]!r} is not a sha256 digest")
        if not _DATE.match(resolved):
            raise LockError(f"{path}:{number}: resolved date {resolved[:40]!r} is not YYYY-MM-DD")
        if kind not in KINDS:
            raise LockError(f"{path}:{number}: kind {kind[:40]!r} is not one of {', '.join(KINDS)}")
        if ref in entries:
            raise LockError(f"{path}:{number}: {ref} is locked twice")
        entries[ref] = LockedImage(ref, "" if kind == UNRESOLVED else digest, platform, resolved, kind,
                                   comment.strip() if kind == UNRESOLVED else "")
    return entries


def load(root: Path) -> dict[str, LockedImage]:
    """The entries of `root`/snippets/images.lock ({} when there is none); LockError when malformed."""
    path = Path(root) / LOCK_PATH
    if not path.is_file():
        return {}
    return parse(path.read_text(encoding="utf-8"), LOCK_PATH)


def render(entries: dict[str, LockedImage] | list[LockedImage]) -> str:
    """The file text: header, then one aligned line per image, sorted by reference."""
    items = sorted(entries.values() if isinstance(entries, dict) else entries, key=lambda e: e.reference)
    width = max((len(e.reference) for e in items), default=9)
    rows = [f"# {'reference':<{width - 2}} {'digest':<71} {'platform':<12} {'resolved':<10} kind"] if items else []
    rows += [f"{e.reference:<{width}} {e.digest or '-':<71} {e.platform:<12} {e.resolved:<10} {e.kind}"
             + (f"  # {_one_line(e.reason)}" if e.unresolved and e.reason else "") for e in items]
    return HEADER + "".join(row.rstrip() + "\n" for row in rows)


def digests(entries: dict[str, LockedImage]) -> dict[str, str]:
    """{reference: digest} of the pinned images: what a build-result cache keys on."""
    return {ref: e.digest for ref, e in entries.items() if not e.unresolved}


def _one_line(text: str) -> str:
    return " ".join(text.split())
