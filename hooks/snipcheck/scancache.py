"""Each page's Dockerfile fences as markdown.extract found them, kept between builds.

With the check cache warm, finding the fences (include expansion, the line scan, fence options)
was the largest part of what a build still did for the checker. An entry is keyed by the page's
text and display name under a salt (the checker's source fingerprint, the rule IDs fence options
are checked against, the page size cap, whether includes are expanded). An entry also records
every include the extraction read, and the digest of what the reader returned (text, refusal or
not found). A hit replays those reads with the current reader, so an edited, added, removed or
newly refused include is a miss.

One JSON file per site (its root and salt) under cache_folder("scans"), holding the entries of
the pages the last build saw; written atomically only when something changed; a damaged or
missing file is a miss. Only the newest few files are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from .cachedir import read_entries, write_entries
from .checkcache import blake2b
from .containment import Download, Refused
from .records import fields
from .snippets import FenceOptions, Lines, Location, Problem, Snippet

FORMAT = 4  # 2: each entry is kept as its own JSON text, parsed when its page is looked up; 3: keys
#              hash the page's name and text without JSON; 4: a snippet records dockerignore_shown and downloads
KEEP = 8  # sites (or settings of one site) seen lately
_OPTION_FIELDS = tuple(f.name for f in fields(FenceOptions))


class ScanCache:
    """Entries of one site, read once when made; `extract` serves hits, `save` writes them back."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        # each entry stays JSON text until its page is looked up: a loaded file of 2,700 snippets
        # would otherwise be some 20,000 lists that every garbage collection of the build walks
        self.entries: dict[str, str] = read_entries(path, FORMAT)
        self.used: dict[str, str] = {}
        self.hits = 0
        self.misses = 0
        self.options: dict[tuple, FenceOptions] = {}  # one object per set of fence options seen

    @classmethod
    def for_site(cls, folder: Path | None, root: Path, fingerprint: str, known_rules, includes: bool,
                 max_page_bytes: int | None) -> "ScanCache":
        """The site's cache in `folder` (None: nothing is kept, every page is extracted)."""
        if folder is None:
            return cls(None)
        salt = json.dumps([FORMAT, str(root), fingerprint, sorted(known_rules or ()), includes, max_page_bytes])
        return cls(folder / (blake2b(salt.encode(), digest_size=16).hexdigest() + ".json"))

    def extract(self, extract, page: str, text: str, read, **kwargs) -> tuple[list[Snippet], list[Problem]]:
        """`extract(page, text, read, **kwargs)` (markdown.extract), or its result from an earlier build
        when the page and every include it read are unchanged."""
        key = blake2b(f"{page}\0{text}".encode(), digest_size=20).hexdigest()  # a path holds no NUL
        text_of_entry = self.entries.get(key)
        found = None if text_of_entry is None else _replayed(text_of_entry, read, self.options)
        if found is not None:
            self.hits += 1
            self.used[key] = text_of_entry
            return found
        self.misses += 1
        reads: list[list[str]] = []
        snippets, problems = extract(page, text, None if read is None else _recording(read, reads), **kwargs)
        self.used[key] = json.dumps({"reads": reads, "snippets": [_snippet_data(s) for s in snippets],
                                     "problems": [_problem_data(p) for p in problems]}, separators=(",", ":"))
        return snippets, problems

    def save(self) -> None:
        """Write this build's entries if any changed; a read-only or full cache costs the reuse only."""
        if self.path is None or (not self.misses and len(self.used) == len(self.entries)):
            return
        try:
            write_entries(self.path, FORMAT, self.used, KEEP)
        except OSError:
            pass


def _replayed(text: str, read, options: dict) -> tuple[list[Snippet], list[Problem]] | None:
    """An entry's snippets and problems, if every include it read still reads the same; None for a
    changed include or anything a damaged file may hold instead. `options` holds the FenceOptions
    made so far by their values: most fences have the same options, so they share one object."""
    try:
        entry = json.loads(text)
        if not isinstance(entry, dict) or not _reads_unchanged(entry, read):
            return None
        return [_snippet(s, options) for s in entry["snippets"]], [_problem(p) for p in entry["problems"]]
    except (KeyError, TypeError, ValueError, RecursionError):
        return None


# -- includes: recorded when extracting, replayed on a hit -----------------------------------------------

def _recording(read, reads: list[list[str]]):
    def recorded(name: str):
        found = read(name)
        reads.append([name, _digest(found)])
        return found

    return recorded


def _reads_unchanged(entry: dict, read) -> bool:
    reads = entry.get("reads")
    if not isinstance(reads, list):
        return False
    if read is None:
        return not reads
    try:
        return all(_digest(read(name)) == digest for name, digest in reads)
    except (TypeError, ValueError):
        return False


def _digest(found) -> str:
    """What a reader returned, as a short digest: None (not found), a refusal, or (shown path, text)."""
    if found is None:
        return "-"
    material = repr(found) if isinstance(found, (Refused, Download)) else f"{found[0]}\0{found[1]}"
    return blake2b(material.encode(), digest_size=16).hexdigest()


# -- snippets as JSON ------------------------------------------------------------------------------------

def _snippet_data(s: Snippet) -> list:
    if s.dockerignore_text is not None:
        raise ValueError("extract does not read .dockerignore files; a snippet that has one is not extract's")
    return [s.text, s.page, _location_data(s.fence), _lines_data(s.lines),
            [list(v) if isinstance(v, tuple) else v for v in (getattr(s.options, n) for n in _OPTION_FIELDS)],
            [_problem_data(p) for p in s.problems], None if s.end is None else _location_data(s.end),
            s.presented_as_bad, s.dockerignore_shown, list(s.downloads)]


def _snippet(data: list, options_made: dict) -> Snippet:
    """A snippet from its JSON; ValueError for anything a damaged file may hold instead."""
    text, page, fence, lines, options, problems, end, bad, dockerignore_shown, downloads = data
    if not isinstance(downloads, list):
        raise ValueError("downloads: not a list")
    return Snippet(text=_str(text), page=_str(page), fence=_location(fence), lines=_lines(lines),
                   options=_options(options, options_made),
                   problems=tuple(_problem(p) for p in problems), end=None if end is None else _location(end),
                   presented_as_bad=bool(bad), dockerignore_shown=bool(dockerignore_shown),
                   downloads=tuple(_str(url) for url in downloads))


def _options(values: list, made: dict) -> FenceOptions:
    """The FenceOptions of an entry's values (a list per field), the same object for the same values."""
    # with the types: 1 == True, and a damaged entry's 1 must not pass for a valid entry's True
    key = (tuple(map(type, values)), tuple(tuple(v) if isinstance(v, list) else v for v in values))
    options = made.get(key)
    if options is None:
        fields = {n: tuple(_str(e) for e in v) if isinstance(v, list) else _plain(v)
                  for n, v in zip(_OPTION_FIELDS, values, strict=True)}
        options = made[key] = FenceOptions(**fields)
    return options


def _lines_data(lines: Lines) -> list[list]:
    """Runs of consecutive lines of one file: [file, first line, count]."""
    return [list(run) for run in lines.runs]


def _lines(runs: list[list]) -> Lines:
    return Lines((_str(file), _int(first), _int(count)) for file, first, count in runs)


def _location_data(loc: Location) -> list:
    return [loc.file, loc.line]


def _location(data: list) -> Location:
    file, line = data
    return Location(_str(file), _int(line))


def _problem_data(p: Problem) -> list:
    return [p.rule, p.message, *_location_data(p.location)]


def _problem(data: list) -> Problem:
    rule, message, file, line = data
    return Problem(_str(rule), _str(message), Location(_str(file), _int(line)))


def _str(value) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _int(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not a number")
    return value


def _plain(value):
    if value is not None and not isinstance(value, (str, bool)):
        raise ValueError("not an option value")
    return value
