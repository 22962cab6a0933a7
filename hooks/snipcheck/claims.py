"""Numbers in the guide's text that are declared as measured, checked against the measurements.

A writer marks a number with the example and fact it comes from:

    The final image is [7.9 MB]{measured="static-scratch.size"}, [3 layers]{measured="static-scratch.layers"}.

Facts: size, compressed_size, wasted_bytes (with a unit: B, kB, MB, GB, KiB, MiB, GiB), layers (a
count), user (the text itself). A claim more than 10% off the measurement, or naming an example or
fact with no measurement, is DG016 at the marker's line. On the page the marker becomes the number
with the measurement as its tooltip.
"""

from __future__ import annotations

import html
import re
from .records import dataclass

from .measured import lookup
from .snippets import Location, Problem

RULE = "DG016"
TOLERANCE = 0.10
MARKER = re.compile(r'\[(?P<text>[^\]\n]+)\]\{\s*measured="(?P<example>[A-Za-z0-9._-]+?)\.(?P<fact>[a-z_]+)"\s*\}')
_NUMBER = re.compile(r"^\s*(?P<value>\d+(?:[.,]\d+)*)\s*(?P<unit>[A-Za-z]*)\s*$")
_UNITS = {"": 1, "b": 1, "bytes": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "kib": 2**10, "mib": 2**20, "gib": 2**30}
BYTE_FACTS = ("size", "compressed_size", "wasted_bytes")
FACTS = BYTE_FACTS + ("layers", "user")


@dataclass(frozen=True)
class Claim:
    text: str  # as written, e.g. "7.9 MB"
    example: str
    fact: str
    line: int
    start: int  # offsets of the whole marker in the page text
    end: int


def find_claims(text: str) -> list[Claim]:
    """Every measured-number marker of a page, with its 1-based line (not those shown as code)."""
    return [Claim(m.group("text"), m.group("example"), m.group("fact"), text.count("\n", 0, m.start()) + 1,
                  m.start(), m.end()) for m in _markers(text)]


def _markers(text: str) -> list[re.Match]:
    code = _code_ranges(text)
    return [m for m in MARKER.finditer(text) if not any(a <= m.start() < b for a, b in code)]


_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.M)
_INLINE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks and inline code spans, where a marker is an example."""
    ranges, pos = [], 0
    while (opening := _FENCE.search(text, pos)) is not None:
        fence = opening.group(1)
        closing = re.compile(rf"^[ \t>]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
        end = closing.search(text, text.find("\n", opening.end()) + 1 if "\n" in text[opening.end():] else len(text))
        stop = end.end() if end else len(text)
        ranges.append((opening.start(), stop))
        pos = stop
    outside = [(a, b) for a, b in _gaps(ranges, len(text))]
    for a, b in outside:
        ranges += [(a + m.start(), a + m.end()) for m in _INLINE.finditer(text[a:b])]
    return ranges


def _gaps(ranges: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for a, b in ranges:
        gaps.append((pos, a))
        pos = b
    gaps.append((pos, size))
    return gaps


def check_claims(page: str, text: str, data: dict) -> list[Problem]:
    """DG016 problems for claims that disagree with the measurements in `data`."""
    problems = []
    for claim in find_claims(text):
        message = disagreement(claim, data)
        if message:
            problems.append(Problem(RULE, message, Location(page, claim.line)))
    return problems


def disagreement(claim: Claim, data: dict) -> str | None:
    """Why the claim does not hold, or None when it agrees within 10%."""
    where = f"{claim.example}.{claim.fact}"
    if claim.fact not in FACTS:
        return f"`{where}`: unknown fact {claim.fact!r} (known: {', '.join(FACTS)})"
    measured = lookup(data, claim.example, claim.fact)
    if measured is None:
        return (f"`{where}`: no measurement of example {claim.example!r} (run the real build with "
                f"--update-measurements, or fix the name)")
    if claim.fact == "user":
        return None if claim.text.strip() == str(measured) else \
            f"the text says the image runs as {claim.text.strip()!r}, the real build measured {measured!r}"
    value = parse_quantity(claim.text, claim.fact)
    if value is None:
        unit = "a count" if claim.fact == "layers" else "a number with a unit (B, kB, MB, GB, KiB, MiB, GiB)"
        return f"`{where}`: cannot read {claim.text!r} as {unit}"
    if _within(value, float(measured)):
        return None
    return (f"the text says {claim.text.strip()} for `{where}`, the real build measured "
            f"{format_quantity(measured, claim.fact)} ({_percent(value, float(measured))} off; allowed: 10%)")


def parse_quantity(text: str, fact: str) -> float | None:
    m = _NUMBER.match(text)
    if not m:
        return None
    value = float(m.group("value").replace(",", ""))
    unit = m.group("unit").lower()
    if fact == "layers":
        return value if unit in ("", "layer", "layers") else None
    factor = _UNITS.get(unit)
    return value * factor if factor is not None else None


def format_quantity(value, fact: str) -> str:
    if fact == "layers":
        return f"{int(value)} layer{'s' * (int(value) != 1)}"
    if fact == "user":
        return str(value) or "root"
    value = float(value)
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if value >= size:
            return f"{value / size:.1f} {unit}"
    return f"{int(value)} B"


def render_claims(text: str, data: dict) -> str:
    """The page with each marker replaced by its number, the measurement as a tooltip."""
    def span(m: re.Match) -> str:
        claim = m.group("text")
        measured = lookup(data, m.group("example"), m.group("fact"))
        entry = (data.get("images") or {}).get(m.group("example")) or {}
        title = (f"measured: {format_quantity(measured, m.group('fact'))} ({measured:,} bytes)"
                 if m.group("fact") in BYTE_FACTS and measured is not None else
                 f"measured: {format_quantity(measured, m.group('fact'))}" if measured is not None else "not measured")
        when = entry.get("measured_at") or data.get("measured_at")
        if when and measured is not None:
            title += f", {when}"
        return (f'<span class="snipcheck-measured" title="{html.escape(title)}" '
                f'data-measured="{html.escape(m.group("example"))}.{html.escape(m.group("fact"))}">'
                f"{html.escape(claim)}</span>")
    keep = {m.start() for m in _markers(text)}
    return MARKER.sub(lambda m: span(m) if m.start() in keep else m.group(0), text)


def _within(claimed: float, measured: float) -> bool:
    if measured == 0:
        return claimed == 0
    return abs(claimed - measured) <= TOLERANCE * measured


def _percent(claimed: float, measured: float) -> str:
    return "∞%" if measured == 0 else f"{abs(claimed - measured) / measured:.0%}"
