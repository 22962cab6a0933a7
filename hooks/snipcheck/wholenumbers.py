"""Whole numbers read from Dockerfile and Markdown text.

Python refuses to convert a string of more than 4,300 digits (ValueError), and a page can hold
one: `EXPOSE 111…1`. A number that long means nothing to a Dockerfile, so it is clamped to HUGE,
which every caller's range check (a port, a stage index, a Go minor version) treats as too large.
`str.isdigit()` also accepts superscripts that int() rejects; `is_number` accepts ASCII digits only.
"""

from __future__ import annotations

import re

HUGE = 10 ** 18
_MAX_DIGITS = 18


def is_number(text: str) -> bool:
    """Only ASCII digits, at least one."""
    return text.isascii() and text.isdigit()


def whole_number(text: str) -> int:
    """int(text) for an optionally signed run of digits, clamped to ±HUGE; ValueError otherwise."""
    body = text.strip()
    sign = -1 if body.startswith("-") else 1
    digits = body.lstrip("+-")
    if not digits or not is_number(digits) or len(body) - len(digits) > 1:
        raise ValueError(f"not a whole number: {text[:40]!r}")
    significant = digits.lstrip("0") or "0"
    return sign * (HUGE if len(significant) > _MAX_DIGITS else int(significant))


def version_key(text: str) -> tuple[int, ...]:
    """The numbers of a version, in order, to compare versions by: "2.7.4" -> (2, 7, 4)."""
    return tuple(whole_number(n) for n in _DIGITS.findall(text))


_DIGITS = re.compile(r"[0-9]+")
