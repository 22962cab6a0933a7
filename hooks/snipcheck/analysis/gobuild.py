"""`go build` as the go command sees it: its flags and the `-ldflags` value.

Pure functions of a parsed shell command (shell.Command); used by the Go rules (DG40x) and the
libc rules (DG60x). Whether a build with cgo needs libc is analysis/cgo.py's question.
"""

from __future__ import annotations

import re
import shlex
from functools import lru_cache
from ..records import dataclass

from .shell import Command

_GO_BOOL = frozenset("a n race msan asan v work x trimpath linkshared modcacherw buildvcs cover json".split())
_GO_VALUE = frozenset("o p C asmflags buildmode compiler gccgoflags gcflags installsuffix ldflags mod modfile "
                      "overlay pgo pkgdir tags toolexec covermode coverpkg".split())
LINKER_FLAGS_WITH_VALUE = frozenset("X extldflags linkmode extld buildid B E H I L R T r tmpdir".split())


@dataclass(frozen=True)
class GoArgs:
    """Flags and packages of `go build`/`go install`, parsed as the go command's flag package does."""

    flags: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]  # flags go build does not have (e.g. `-s` after `-ldflags=-w -s`)
    packages: tuple[str, ...]

    def get(self, name: str) -> str | None:
        values = [v for n, v in self.flags if n == name]
        return values[-1] if values else None

    def has(self, name: str) -> bool:
        return any(n == name and v != "false" for n, v in self.flags)

    @property
    def installs_tool(self) -> bool:
        """`go install example.com/tool@v1.2.3`: a third-party tool, not the project's own build."""
        return any("@" in p for p in self.packages)


def go_args(cmd: Command) -> GoArgs | None:
    """Parsed arguments when `cmd` is `go build` or `go install`, else None."""
    if cmd.name != "go":
        return None
    return _go_args(cmd)


@lru_cache(maxsize=1024)  # the same go build is parsed by every Go rule
def _go_args(cmd: Command) -> GoArgs | None:
    if cmd.subcommand() not in ("build", "install"):
        return None
    words = list(cmd.argv[cmd.argv.index(cmd.subcommand()) + 1:])
    flags, unknown = [], []
    while words and words[0].startswith("-") and words[0] not in ("-", "--"):
        name, eq, value = words.pop(0).lstrip("-").partition("=")
        if name in _GO_VALUE:
            flags.append((name, value if eq else (words.pop(0) if words else "")))
        elif name in _GO_BOOL:
            flags.append((name, value if eq else "true"))
        else:
            unknown.append("-" + name + eq + value)
    if words and words[0] == "--":
        words.pop(0)
    return GoArgs(tuple(flags), tuple(unknown), tuple(words))


def split_flags(value: str) -> list[str]:
    """Split a flag value such as `-ldflags` the way the go command does (quotes allowed)."""
    return list(_split_flags(value))


_SHLEX_SPACE = re.compile(r"[ \t\r\n]+")


@lru_cache(maxsize=1024)  # the same -ldflags and GOFLAGS, asked by several Go rules
def _split_flags(value: str) -> tuple[str, ...]:
    if not any(c in value for c in "\\\"'"):
        return tuple(w for w in _SHLEX_SPACE.split(value) if w)  # what shlex does without quotes
    try:
        return tuple(shlex.split(value))
    except ValueError:
        return tuple(value.split())


def stray_linker_flags(cmd: Command) -> list[str]:
    """Linker flags that reached `go build` itself because the `-ldflags` value lost its quotes:
    `-ldflags=-w -s` gives go build an unknown `-s`; `-ldflags -X main.v=1` leaves `main.v=1`."""
    args = go_args(cmd)
    if args is None:
        return []
    words = cmd.argv[cmd.argv.index(cmd.subcommand()) + 1:]
    seen, stray, i = False, [], 0
    while i < len(words) and words[i].startswith("-") and words[i] not in ("-", "--"):
        name, eq, value = words[i].lstrip("-").partition("=")
        if name in _GO_VALUE and not eq:
            value, i = (words[i + 1] if i + 1 < len(words) else ""), i + 1
        if name == "ldflags":
            seen = True
            parts = split_flags(value)
            if parts and parts[-1].lstrip("-") in LINKER_FLAGS_WITH_VALUE and "=" not in parts[-1]:
                stray.append(f"{parts[-1]} without its value")
        elif seen and name not in _GO_VALUE and name not in _GO_BOOL:
            stray.append(words[i])
        i += 1
    return stray


def c_static_link(argv: tuple[str, ...]) -> bool:
    """Does a C compile (`gcc ... -static`) link statically? (Go builds: analysis/cgo.py.)"""
    return "-static" in argv or "--static" in argv
