"""Snippets: the Dockerfiles a site renders, each with the file and line a writer edits.

`Location` points into a real file; `Snippet` is one fenced Dockerfile (or a plain Dockerfile
given to the CLI) with a location for every line of its text, so findings map back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from .records import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Lines(Sequence):
    """Where each line of a snippet is written: a read-only sequence of Locations, kept as runs of
    consecutive lines of one file (a fence's body is one run, each include one more).

    A snippet holds a few runs instead of a Location object per line. A build of 500 pages kept
    33,000 of them alive, half of the objects the checker added, and every garbage collection of
    the build walked them all."""

    __slots__ = ("runs", "_length")

    def __init__(self, runs: Iterable[tuple[str, int, int]] = ()) -> None:
        self.runs: tuple[tuple[str, int, int], ...] = tuple((file, first, count) for file, first, count in runs
                                                            if count > 0)
        self._length = sum(count for _, _, count in self.runs)

    @classmethod
    def of(cls, locations: Iterable[Location]) -> "Lines":
        runs: list[list] = []
        for loc in locations:
            last = runs[-1] if runs else None
            if last is not None and last[0] == loc.file and last[1] + last[2] == loc.line:
                last[2] += 1
            else:
                runs.append([loc.file, loc.line, 1])
        return cls(runs)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Location]:
        for file, first, count in self.runs:
            for line in range(first, first + count):
                yield Location(file, line)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("line index out of range")
        for file, first, count in self.runs:
            if index < count:
                return Location(file, first + index)
            index -= count
        raise IndexError("line index out of range")  # not reached: _length is the runs' sum

    def index(self, loc: Location, start: int = 0, stop: int | None = None) -> int:
        offset = 0
        for file, first, count in self.runs:
            if file == loc.file and first <= loc.line < first + count:
                found = offset + loc.line - first
                if start <= found and (stop is None or found < stop):
                    return found
            offset += count
        raise ValueError(f"{loc} is not a line of the snippet")

    def __contains__(self, loc) -> bool:
        return isinstance(loc, Location) and any(file == loc.file and first <= loc.line < first + count
                                                 for file, first, count in self.runs)

    def __eq__(self, other) -> bool:
        if isinstance(other, Lines):
            return self.runs == other.runs
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.runs)

    def __repr__(self) -> str:
        return f"Lines({list(self.runs)!r})"

    def __reduce__(self):
        return Lines, (self.runs,)


@dataclass(frozen=True)
class FenceOptions:
    """What a fence declares about its snippet (see fence_options.py for the syntax)."""

    expect: tuple[str, ...] = ()
    fragment: bool = False
    skip: str | None = None
    no_tls: bool = False
    dockerignore: str | None = None  # path of a .dockerignore shown with the example
    network: str | None = None  # "build": the real build may use the network (never the run)

    @property
    def is_bad_example(self) -> bool:
        return bool(self.expect)


@dataclass(frozen=True)
class Problem:
    """Something wrong with how a snippet is written in Markdown (not with the Dockerfile)."""

    rule: str
    message: str
    location: Location
    # Only the checker could not read an include (missing, over its size limits, not text): the page
    # renders as it would without the checker, so outside a Dockerfile fence this is not reported.
    checker_only: bool = False


@dataclass(frozen=True)
class Snippet:
    text: str
    page: str  # the page the snippet renders on (or the Dockerfile itself)
    fence: Location  # the opening fence (or line 1 of a Dockerfile)
    lines: Lines  # where each line of `text` is written (a tuple of Locations is made Lines)
    options: FenceOptions = FenceOptions()
    problems: tuple[Problem, ...] = ()
    dockerignore_text: str | None = field(default=None, repr=False)
    end: Location | None = None  # the closing fence
    presented_as_bad: bool = False  # the page's prose calls it a bad example ("❌ Bad:", "Don't")
    dockerignore_shown: bool = False  # another block of its page shows a .dockerignore
    downloads: tuple[str, ...] = ()  # URLs pymdownx.snippets downloads into it when the site is built

    def __post_init__(self) -> None:
        if not isinstance(self.lines, Lines):
            object.__setattr__(self, "lines", Lines.of(self.lines))

    @property
    def skip_reason(self) -> str | None:
        """Why the snippet is not checked as written: the fence's `skip`, or an include the site downloads."""
        if self.options.skip or not self.downloads:
            return self.options.skip
        return (f"includes {', '.join(self.downloads)}, which the site downloads when it is built (pymdownx.snippets' "
                f"url_download); the checker does not download, so the block is checked as rendered, by `mkdocs build`")

    def encloses(self, loc: Location) -> bool:
        """Is `loc` a line of the page between this snippet's fences?"""
        return (self.end is not None and loc.file == self.fence.file
                and self.fence.line < loc.line < self.end.line)

    @property
    def is_whole_file(self) -> bool:
        """A Dockerfile given as a file, or a fence whose every line is included from one file."""
        runs = self.lines.runs
        if not runs:
            return False
        file, first, _ = runs[0]
        fence = self.fence
        return (fence.file == file and fence.line == first) or all(f != fence.file for f, _, _ in runs)

    def location(self, line: int) -> Location:
        """Location of snippet line `line` (1-based); the fence itself for line 0 or out of range."""
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        if self.lines and line > len(self.lines):
            return self.lines[-1]
        return self.fence


def snippet_from_dockerfile(path: str, text: str, dockerignore_text: str | None = None) -> Snippet:
    count = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    return Snippet(text=text, page=path, fence=Location(path, 1),
                   lines=Lines([(path, 1, count)]),
                   dockerignore_text=dockerignore_text)
