"""`.dockerignore` matching with Docker's rules, for rules that reason about the build context.

Patterns are matched against slash-separated paths relative to the context root: `*` and `?` stay
inside one path segment, `**` spans any number of segments, `\\` escapes the next character, a
pattern that matches a directory excludes everything below it, `!` re-includes, and the last
matching pattern wins. Pure: works on the text of the file, never on the file system.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from .records import dataclass


@dataclass(frozen=True)
class Pattern:
    text: str  # cleaned pattern, without the leading '!'
    exclusion: bool  # True for a `!pattern` line (re-includes)
    regex: re.Pattern


@lru_cache(maxsize=64)  # one .dockerignore is read for every COPY of every snippet that ships it
def parse(text: str) -> tuple[Pattern, ...]:
    """Parse .dockerignore text: comments, blank lines, `!` exceptions, leading `/` dropped."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exclusion = line.startswith("!")
        if exclusion:
            line = line[1:].strip()
            if not line:
                continue
        cleaned = posixpath.normpath(line)
        if len(cleaned) > 1 and cleaned.startswith("/"):
            cleaned = cleaned.lstrip("/") or "."
        out.append(Pattern(cleaned, exclusion, _compile(cleaned)))
    return tuple(out)


@lru_cache(maxsize=1024)
def _compile(pattern: str) -> re.Pattern:
    """Docker's patternmatcher translation of a pattern to a regular expression."""
    out, i = ["^"], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "*":
            if pattern.startswith("**", i):
                i += 2
                if i < len(pattern) and pattern[i] == "/":
                    i += 1
                out.append(".*" if i >= len(pattern) else "(.*/)?")
                continue
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "\\" and i + 1 < len(pattern):
            i += 1
            out.append(re.escape(pattern[i]))
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("^") else body) + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    out.append("$")
    try:
        return re.compile("".join(out))
    except re.error:
        return re.compile(re.escape(pattern) + "$")


def _parents(path: str) -> list[str]:
    parts = path.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def is_excluded(patterns: tuple[Pattern, ...], path: str) -> tuple[bool, int]:
    """Is `path` (or a parent directory of it) excluded? Also returns the index of the pattern
    that decided it (-1 when none matched)."""
    excluded, decided = False, -1
    candidates = _parents(path)
    for n, p in enumerate(patterns):
        if any(p.regex.match(c) for c in candidates):
            excluded, decided = not p.exclusion, n
    return excluded, decided


def _could_reinclude(pattern: Pattern, path: str) -> bool:
    """Could exception `pattern` re-include `path` itself or something below it?"""
    if path == ".":
        return True
    pat_segments = pattern.text.split("/")
    for n, seg in enumerate(path.split("/")):
        if n >= len(pat_segments):
            return False  # it names a parent: is_excluded() already weighed that
        if pat_segments[n].startswith("**"):
            return True
        if _compile(pat_segments[n]).match(seg):
            continue
        if any(c in seg for c in "*?[") and _compile(seg).match(pat_segments[n].replace("\\", "")):
            continue  # a COPY source glob such as `*.txt` against `a.txt`
        return False
    return True


@lru_cache(maxsize=1024)  # the same few sources (`.`, go.mod) against the same file, snippet after snippet
def ignored_source(text: str, source: str) -> bool:
    """Does the .dockerignore `text` exclude COPY/ADD source `source` from the build context?

    The context root (`.`) counts as excluded only when a plain file at the top level would be.
    A later `!` exception that can re-include the source, or anything below it, clears it.
    """
    patterns = parse(text)
    path = posixpath.normpath(source.lstrip("/") or ".")
    probe = "snipcheck-context-probe" if path == "." else path  # any plain top-level file
    excluded, decided = is_excluded(patterns, probe)
    if not excluded:
        return False
    return not any(p.exclusion and _could_reinclude(p, path) for p in patterns[decided + 1:])
