"""Inline suppressions written in the Dockerfile itself.

    # snipcheck: ignore=DG302            next instruction only
    # snipcheck: global ignore=DG702     whole snippet
    # hadolint ignore=DL3007,DL3008      hadolint's own, through rule aliases
    # hadolint global ignore=DL3059
    # check=skip=JSONArgsRecommended     BuildKit's directive (must be at the top), or skip=all
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Dockerfile

_PRAGMA = re.compile(r"^(snipcheck:?|hadolint)\s+(global\s+|stage\s+)?ignore\s*=\s*([\w,\s-]+?)\s*$", re.I)


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]  # as written (our IDs or peer aliases)
    line: int  # where the pragma is written
    scope: str  # "next", "global" or "stage"
    applies_to: tuple[int, int]  # first and last snippet line it covers


def suppressions(df: Dockerfile) -> list[Suppression]:
    out: list[Suppression] = []
    ins_lines = [(i.line, i.end_line) for i in df.instructions]
    from_lines = [i.line for i in df.instructions if i.keyword == "FROM"]
    for c in df.comments:
        m = _PRAGMA.match(c.text)
        if not m:
            continue
        codes = tuple(x.strip() for x in m.group(3).split(",") if x.strip())
        scope = (m.group(2) or "").strip().lower() or "next"
        if scope == "global":
            span = (1, max(df.line_count, 1))
        elif scope == "stage":
            later = [f for f in from_lines if f > c.line]
            span = (c.line, (later[0] - 1) if later else max(df.line_count, 1))
        else:
            following = [(a, b) for a, b in ins_lines if a > c.line]
            span = following[0] if following else (c.line + 1, c.line + 1)
        out.append(Suppression(codes, c.line, scope, span))
    check = df.directive("check")
    if check:
        for part in check.value.split(";"):
            key, _, value = part.partition("=")
            if key.strip().lower() == "skip":
                codes = tuple(x.strip() for x in value.split(",") if x.strip())
                out.append(Suppression(codes, check.line, "global", (1, max(df.line_count, 1))))
    return out
