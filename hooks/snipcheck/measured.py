"""Measured image facts kept for the site: the last real build's numbers per example, in a committed
JSON file (snippets/measured/images.json), so a site build without Docker still shows them and says
when and where they were measured. A real build with `--update-measurements` rewrites it.

    data = load(path)                       # {} when there is none yet
    data = merged(data, builds, engine)     # fresh facts of the examples built now win
    save(path, data)
"""

from __future__ import annotations

import json
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime

FACTS = ("size", "compressed_size", "layers", "wasted_bytes", "user")


class MeasurementsError(ValueError):
    """The measurements file is unreadable; the message names the file."""


def load(path: Path) -> dict:
    """The stored measurements: {"measured_at", "engine", "images": {example: {fact: value}}}."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise MeasurementsError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise MeasurementsError(f"{path}:{getattr(exc, 'lineno', 1)}: invalid JSON: {getattr(exc, 'msg', exc)}") \
            from None
    if not isinstance(data, dict) or not isinstance(data.get("images", {}), dict):
        raise MeasurementsError(f"{path}: expected an object with an \"images\" object")
    return data


def merged(data: dict, builds, engine: str, now: datetime.datetime | None = None) -> dict:
    """`data` with the facts of every example built and measured in `builds` (BuildReports) replaced.
    Examples not built now keep their old numbers and date."""
    import datetime  # only when writing measurements

    now = now or datetime.datetime.now(datetime.timezone.utc)
    stamp = now.strftime("%Y-%m-%d %H:%M UTC")
    images = dict(data.get("images", {}))
    fresh = 0
    for report in builds:
        facts, name = report.outcome.facts, report.job.example
        if facts is None or not name:
            continue
        fresh += 1
        images[name] = {
            **{fact: getattr(facts, fact) for fact in FACTS},
            "status": str(report.outcome.status), "measured_at": facts.measured_at or stamp,
            "engine": report.outcome.engine,
        }
    if not fresh:
        return data
    return {"measured_at": stamp, "engine": engine, "images": dict(sorted(images.items()))}


def save(path: Path, data: dict) -> None:
    """Write atomically, sorted and indented so a diff shows what changed."""
    from .atomicfile import write_atomically

    write_atomically(Path(path), json.dumps(data, indent=2, sort_keys=True) + "\n")


def lookup(data: dict, example: str, fact: str):
    """The stored value of one fact, or None."""
    return (data.get("images", {}).get(example) or {}).get(fact)
