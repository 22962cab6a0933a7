"""When a base image stops getting updates: image reference -> the lifecycles it follows.

The dates live in `data/lifecycle.toml` (package data, each with its source). A reference
follows one or more lifecycles: `golang:1.22-alpine3.20` follows Go 1.22 and Alpine 3.20,
`gcr.io/distroless/static-debian12` follows distroless's debian12 images. References this table
cannot place (moving tags such as `latest` or `alpine`, unknown images) follow none: rules stay
silent then. Pure after the one read of the data file.
"""

from __future__ import annotations

import datetime as dt
import re
from .records import dataclass
from functools import lru_cache
from pathlib import Path
from .wholenumbers import version_key, whole_number

DATA = Path(__file__).resolve().parent / "data"  # package data, installed as files beside the modules


@dataclass(frozen=True)
class Lifecycle:
    """One product release an image follows, and the day its updates stop (None: not announced)."""

    product: str  # e.g. "Debian 11 (bullseye)", "Go 1.22", "distroless -debian12 images"
    end: dt.date | None
    source: str
    note: str = ""
    regular_end: dt.date | None = None  # Debian: end of regular security support (LTS follows)
    older_than_known: bool = False  # older than the oldest entry: ended by `end` at the latest
    estimated: bool = False  # `end` not announced yet: the release cadence's date (see go_due)

    def days_left(self, today: dt.date) -> int | None:
        return None if self.end is None else (self.end - today).days


def today(configured: str = "") -> dt.date:
    """The date end of life is judged by: the `today` setting (YYYY-MM-DD), else the machine's."""
    return dt.date.fromisoformat(configured) if configured else dt.date.today()


@lru_cache(maxsize=1024)  # asked for every FROM of every snippet, mostly of the same few images
def lifecycles(ref: str) -> tuple[Lifecycle, ...]:
    """Every lifecycle the image `ref` follows; () when it cannot be told."""
    if not ref or "$" in ref:
        return ()
    from .images import normalize

    name = normalize(ref)
    repo, _, tag = name.partition(":") if ":" in name.rsplit("/", 1)[-1] else (name, "", "")
    distroless = re.match(r"^gcr\.io/distroless/[a-z0-9-]+?-debian(\d+)$", repo)
    if distroless:
        return _found(_table()["distroless"], distroless.group(1))
    if "/" in repo.removeprefix("library/") or not tag:
        return ()
    repo = repo.removeprefix("library/")
    words = tag.split("-")
    out: list[Lifecycle] = []
    if repo == "debian":
        out += _found(_table()["debian"], _major(words[0]))
    elif repo == "ubuntu":
        out += _found(_table()["ubuntu"], words[0])
    elif repo == "alpine":
        out += _found(_table()["alpine"], _minor(words[0]))
    elif repo == "golang":
        out += _found(_table()["go"], _minor(words[0]), older_ok=True) or _newer_go(_minor(words[0]))
    # Variant words of official images: golang:1.22-bookworm, python:3.12-slim-bullseye, -alpine3.20
    for word in words[1:]:
        if word.isalpha():
            out += _found(_table()["debian"], word) or _found(_table()["ubuntu"], word)
        elif word.startswith("alpine"):
            out += _found(_table()["alpine"], _minor(word.removeprefix("alpine")))
    return tuple(out)


def most_urgent(ref: str, today: dt.date) -> Lifecycle | None:
    """The lifecycle of `ref` that ends first (of those with an end date), leaving out estimated
    ends that have not passed yet on `today` (they say nothing yet, and must not hide another)."""
    dated = [lc for lc in lifecycles(ref) if lc.end is not None and not (lc.estimated and lc.end >= today)]
    return min(dated, key=lambda lc: lc.end) if dated else None


def _major(word: str) -> str:
    m = re.match(r"^(\d+)(\.\d+)*$", word)
    return m.group(1) if m else word


def _minor(word: str) -> str:
    m = re.match(r"^(\d+)\.(\d+)(?:[.\w]*)$", word)
    return f"{m.group(1)}.{m.group(2)}" if m else ""


def _found(entries: dict[str, Lifecycle], key: str, older_ok: bool = False) -> tuple[Lifecycle, ...]:
    if key in entries:
        return (entries[key],)
    if older_ok and re.match(r"^\d+\.\d+$", key):
        known = sorted(entries.values(), key=lambda lc: version_key(lc.product))
        oldest = known[0]
        if version_key(key) < version_key(oldest.product):
            return (Lifecycle(f"Go {key}", oldest.end, oldest.source, f"older than Go {oldest.product.split()[-1]}",
                              older_than_known=True),)
    return ()


GO_POLICY = "https://go.dev/doc/devel/release#policy"


def go_due(minor: int) -> dt.date:
    """The last day Go 1.<minor> can expect fixes, from Go's cadence: a major release every February
    (even minors) and August (odd ones), Go 1.22 in February 2024, and fixes for the two newest
    only. So Go 1.N ends when Go 1.N+2 ships, by the end of that month."""
    year, month = 2013 + minor // 2 + 1, 2 if minor % 2 == 0 else 8
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


_LAST_DATED_MINOR = 2 * (9998 - 2013)  # go_due's year stays within datetime's 9999


def _newer_go(key: str) -> tuple[Lifecycle, ...]:
    """A Go release newer than every entry of the table (this copy of snipcheck predates it): its end
    estimated from the cadence, so it does not stay unjudged for ever."""
    m = re.fullmatch(r"1\.([0-9]+)", key)
    if not m or not _table()["go"] or version_key(key) <= max(version_key(k) for k in _table()["go"]):
        return ()
    minor = whole_number(m.group(1))
    if minor > _LAST_DATED_MINOR:  # `golang:1.20000`: no calendar has its date; not a release anyone ships
        return ()
    return (Lifecycle(f"Go {key}", go_due(minor), GO_POLICY, _cadence_note(minor), estimated=True),)


def _cadence_note(minor: int) -> str:
    due = go_due(minor)
    month = "February" if due.month == 2 else "August"  # not strftime's %B, which follows the locale
    return f"going by Go's release cadence, Go 1.{minor + 2} is due in {month} {due.year}"


_SECTION = re.compile(r"\[\[([a-z]+)\]\]")
_PAIR = re.compile(r'([a-z_]+) = (?:"([^"\\]*)"|(\d{4})-(\d\d)-(\d\d))')


def read_table_file(text: str) -> dict[str, list[dict]]:
    """The lifecycle file as tomllib reads it. The file keeps to a flat subset (comments, `[[family]]`,
    `key = "text"`, `key = YYYY-MM-DD`) that a line reader takes in a fraction of a millisecond;
    tomllib, ten milliseconds of start-up, reads it whenever a line falls outside that subset."""
    data: dict[str, list[dict]] = {}
    entry: dict | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        section, pair = _SECTION.fullmatch(line), _PAIR.fullmatch(line)
        if section:
            entry = {}
            data.setdefault(section.group(1), []).append(entry)
        elif pair and entry is not None and pair.group(1) not in entry and _valid_date(*pair.group(3, 4, 5)):
            text_value, year, month, day = pair.group(2, 3, 4, 5)
            entry[pair.group(1)] = text_value if year is None else dt.date(int(year), int(month), int(day))
        else:
            import tomllib

            return tomllib.loads(text)
    return data


def _valid_date(year: str | None, month: str | None, day: str | None) -> bool:
    try:
        return year is None or bool(dt.date(int(year), int(month), int(day)))
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Lifecycle]]:
    """The data file as lookups by version and codename, per family."""
    data = read_table_file((DATA / "lifecycle.toml").read_text("utf-8"))
    table: dict[str, dict[str, Lifecycle]] = {"debian": {}, "ubuntu": {}, "alpine": {}, "go": {}, "distroless": {}}
    for entry in data.get("debian", []):
        lc = Lifecycle(f"Debian {entry['version']} ({entry['codename']})", entry.get("end"), entry["source"],
                       entry.get("note", ""), entry.get("regular_end"))
        table["debian"][entry["version"]] = table["debian"][entry["codename"]] = lc
    for entry in data.get("ubuntu", []):
        lc = Lifecycle(f"Ubuntu {entry['version']} ({entry['codename']})", entry.get("end"), entry["source"],
                       entry.get("note", ""))
        table["ubuntu"][entry["version"]] = table["ubuntu"][entry["codename"]] = lc
    for entry in data.get("alpine", []):
        table["alpine"][entry["version"]] = Lifecycle(f"Alpine {entry['version']}", entry.get("end"),
                                                      entry["source"], entry.get("note", ""))
    for entry in data.get("go", []):
        minor = int(entry["version"].split(".")[1])
        end, estimated = entry.get("end"), False
        if end is None:  # not announced: the cadence's date, so the check still fires once it passes
            end, estimated = go_due(minor), True
        note = "; ".join(n for n in (entry.get("note", ""), _cadence_note(minor) if estimated else "") if n)
        table["go"][entry["version"]] = Lifecycle(f"Go {entry['version']}", end, entry["source"], note,
                                                  estimated=estimated)
    for entry in data.get("distroless", []):
        table["distroless"][entry["debian"]] = Lifecycle(f"distroless -debian{entry['debian']} images",
                                                         entry.get("end"), entry["source"], entry.get("note", ""))
    return table
