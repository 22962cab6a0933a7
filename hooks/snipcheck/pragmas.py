"""Inline suppressions written in the Dockerfile itself.

    # snipcheck: ignore=DG302            next instruction only
    # snipcheck: global ignore=DG702     whole snippet
    # hadolint ignore=DL3007,DL3008      hadolint's own, through rule aliases
    # hadolint global ignore=DL3059
    # check=skip=JSONArgsRecommended     BuildKit's directive (must be at the top), or skip=all
    # check=skip=UndefinedVar // why     BuildKit's inline form: the next instruction only
"""

from __future__ import annotations

import re
from .patterns import LazyPattern
from .records import dataclass

from .model import Dockerfile

_CHECK = re.compile(r"^check\s*=\s*(.*)$", re.I)
# ShellCheck codes (SC2086): hadolint hands them to ShellCheck, which snipcheck does not run. A
# pragma may name them; snipcheck can neither use nor judge them, so it says nothing about them.
_SHELLCHECK_CODE = LazyPattern(r"^SC\d{4}$", re.I)
_PRAGMA = re.compile(r"^(snipcheck:?|hadolint)\s+(global\s+|stage\s+)?ignore\s*=\s*([\w,\s-]+?)\s*$", re.I)
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class Suppression:
    codes: tuple[str, ...]  # as written (our IDs or peer aliases)
    line: int  # where the pragma is written
    scope: str  # "next", "global" or "stage"
    applies_to: tuple[int, int]  # first and last snippet line it covers


def suppressions(df: Dockerfile) -> list[Suppression]:
    out: list[Suppression] = []
    if not df.comments:
        return out  # every pragma, and the `check` directive, is a comment
    ins_lines = [(i.line, i.end_line) for i in df.instructions]
    from_lines = [i.line for i in df.instructions if i.keyword == "FROM"]
    check = df.directive("check")
    for c in df.comments:
        inline = _check_skip_codes(c.text) if check is None or c.line != check.line else ()
        if inline:
            following = [(a, b) for a, b in ins_lines if a > c.line]
            out.append(Suppression(inline, c.line, "next", following[0] if following else (c.line + 1, c.line + 1)))
            continue
        m = _PRAGMA.match(_TRAILING_COMMENT.sub("", c.text))  # a comment may follow the pragma
        if not m:
            continue
        codes = tuple(x.strip() for x in m.group(3).split(",") if x.strip())
        scope = (m.group(2) or "").strip().lower() or "next"
        if scope == "global":
            span = (1, max(df.line_count, 1))
        elif scope == "stage":
            # the stage of the next instruction: a pragma just above FROM covers the stage it opens
            following = [a for a, _ in ins_lines if a > c.line]
            later = [f for f in from_lines if f > (following[0] if following else c.line)]
            span = (c.line, (later[0] - 1) if later else max(df.line_count, 1))
        else:
            following = [(a, b) for a, b in ins_lines if a > c.line]
            span = following[0] if following else (c.line + 1, c.line + 1)
        out.append(Suppression(codes, c.line, scope, span))
    if check:
        for part in check.value.split(";"):
            key, _, value = part.partition("=")
            if key.strip().lower() == "skip":
                codes = tuple(x.strip() for x in value.split(",") if x.strip())
                out.append(Suppression(codes, check.line, "global", (1, max(df.line_count, 1))))
    return out


def judged_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The codes of a pragma that snipcheck can judge (all but ShellCheck's)."""
    return tuple(c for c in codes if not _SHELLCHECK_CODE.match(c))


def _check_skip_codes(text: str) -> tuple[str, ...]:
    """Rules named by a `check=skip=A,B` comment (a trailing `// reason` is allowed)."""
    m = _CHECK.match(text.split("//", 1)[0].strip())
    for part in (m.group(1).split(";") if m else ()):
        key, _, value = part.partition("=")
        if key.strip().lower() == "skip":
            return tuple(x.strip() for x in value.split(",") if x.strip())
    return ()
