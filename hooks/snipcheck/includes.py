"""Expand pymdownx.snippets includes (`--8<--`) while remembering where every line came from.

Supports what the guide uses: `--8<-- "file"`, line ranges `"file:3:9"`, named sections
`"file:name"` (with `[start:name]`/`[end:name]` markers), block form, and `;--8<--` escapes.
File access goes through a `read` callable so this module stays pure; the reader applies the
containment rule (containment.py) and may refuse a path. A page's expanded size is capped by a
`Budget`, so a few includes of one large file cannot multiply into gigabytes.
"""

from __future__ import annotations

import re
from typing import Callable

from pymdownx.snippets import SnippetPreprocessor

from .containment import UNREADABLE, Download, Refused, is_url
from .snippets import Location, Problem
from .wholenumbers import whole_number

Line = tuple[str, Location]
Reader = Callable[[str], "tuple[str, str] | Refused | Download | None"]  # name -> (display path, text), refusal,
#                                                                        a URL the site downloads, or None
DOWNLOADED = "download"  # not a rule: the Problem that carries a downloaded include's URL to its block

_MARKER = SnippetPreprocessor.RE_ALL_SNIPPETS  # the same inline and block markers pymdownx.snippets sees
_SECTION = re.compile(r"-{1,}8<-{1,}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\]", re.I)
_TARGET = re.compile(r"^(?P<path>.*?)(?::(?P<start>-?\d*)(?::(?P<end>-?\d*))?|:(?P<section>[a-z][-_0-9a-z]*))?$", re.I | re.A)
MAX_DEPTH = 8


class Budget:
    """How many more bytes of included text a page may take in."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.left = limit

    def take(self, lines: list[Line]) -> bool:
        if self.left is None:
            return True
        size = sum(len(t) + 1 for t, _ in lines)
        if size > self.left:
            self.left = 0
            return False
        self.left -= size
        return True


def expand(lines: list[Line], read: Reader, problems: list[Problem], depth: int = 0,
           stack: tuple[str, ...] = (), budget: Budget | None = None) -> list[Line]:
    """Return `lines` with every include replaced by the included lines (recursively).

    Follows pymdownx.snippets line by line: a block marker toggles block mode, each non-empty
    line inside a block is a path indented by its own leading space, an empty one stays a blank
    line, `;path` is commented out, and an inline include directly inside a block is ignored.
    """
    budget = budget or Budget(None)
    out: list[Line] = []
    block = False
    for text, loc in lines:
        m = _MARKER.match(text) if "8<" in text else None  # every marker has `-8<-`: skip the regex
        if m:
            if m.group("escape"):
                out.append((text.replace(";", "", 1), loc))
            elif m.group("inline_marker") and not block:
                target = m.group("snippet")[1:-1].strip()
                out.extend(_include(target, m.group("space"), loc, read, problems, depth, stack, budget))
            elif not m.group("inline_marker"):
                block = not block
            continue
        if not block:
            out.append((text, loc))
            continue
        path = text.strip()
        if not path:
            out.append(("", loc))
        elif not path.startswith(";"):
            space = text[: len(text) - len(text.lstrip(" \t"))]
            out.extend(_include(path, space, loc, read, problems, depth, stack, budget))
    return out


def _include(target: str, indent: str, at: Location, read: Reader, problems: list[Problem], depth: int,
             stack: tuple[str, ...], budget: Budget) -> list[Line]:
    m = _TARGET.match(target)
    path = m.group("path") if m else target
    if depth >= MAX_DEPTH or path in stack:
        problems.append(Problem("DG005", f"include of {path!r} nests too deep or includes itself", at, True))
        return []
    found = read(path)
    if isinstance(found, Download):
        problems.append(Problem(DOWNLOADED, found.url, at, True))
        return []
    if isinstance(found, Refused):
        problems.append(Problem(found.rule, f"include refused: {found.message}", at, found.limit))
        return []
    if found is None:
        missing = (f"included URL not read: {path!r} (the checker reads files only; with pymdownx.snippets' "
                   f"url_download the site downloads it, and `mkdocs build` with the plugin checks the block as "
                   f"rendered)" if is_url(path) else f"included file not found: {path!r}")
        problems.append(Problem("DG005", missing, at, True))
        return []
    shown, text = found
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as pymdownx reads it: universal newlines
    if raw and raw[-1] == "":
        raw.pop()
    numbered = [(t, Location(shown, n)) for n, t in enumerate(raw, 1)]
    if m and m.group("section"):
        numbered = _section(numbered, m.group("section"), shown, at, problems)
    elif m and (m.group("start") or m.group("end")):
        start = whole_number(m.group("start")) if m.group("start") not in (None, "", "-") else 1
        end = whole_number(m.group("end")) if m.group("end") not in (None, "", "-") else len(numbered)
        start = start if start > 0 else max(1, len(numbered) + start + 1)
        end = end if end > 0 else len(numbered) + end + 1
        numbered = numbered[start - 1:end]
    numbered = [(t, loc) for t, loc in numbered if not _SECTION.search(t)]
    if not budget.take(numbered):
        problems.append(Problem(UNREADABLE, f"include of {path!r} refused: the page's included text exceeds the "
                                            f"limit of {budget.limit} bytes (max_page_bytes)", at, True))
        return []
    nested = expand(numbered, read, problems, depth + 1, stack + (path,), budget)
    return [(indent + t if t else t, loc) for t, loc in nested]


def _section(lines: list[Line], name: str, shown: str, at: Location, problems: list[Problem]) -> list[Line]:
    out, inside, found = [], False, False
    for text, loc in lines:
        m = _SECTION.search(text)
        if m and m.group(2).lower() == name.lower():
            if m.group(1).lower() == "start":
                inside, found = True, True
            else:
                inside = False
            continue
        if inside:
            out.append((text, loc))
    if not found:
        problems.append(Problem("DG005", f"section {name!r} not found in {shown}", at, True))
    return out
