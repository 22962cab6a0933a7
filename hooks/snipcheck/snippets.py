"""Snippets: the Dockerfiles a site renders, each with the file and line a writer edits.

`Location` points into a real file; `Snippet` is one fenced Dockerfile (or a plain Dockerfile
given to the CLI) with a location for every line of its text, so findings map back exactly.
"""

from __future__ import annotations

from .records import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


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


@dataclass(frozen=True)
class Snippet:
    text: str
    page: str  # the page the snippet renders on (or the Dockerfile itself)
    fence: Location  # the opening fence (or line 1 of a Dockerfile)
    lines: tuple[Location, ...]  # where each line of `text` is written
    options: FenceOptions = FenceOptions()
    problems: tuple[Problem, ...] = ()
    dockerignore_text: str | None = field(default=None, repr=False)
    end: Location | None = None  # the closing fence
    presented_as_bad: bool = False  # the page's prose calls it a bad example ("❌ Bad:", "Don't")

    def encloses(self, loc: Location) -> bool:
        """Is `loc` a line of the page between this snippet's fences?"""
        return (self.end is not None and loc.file == self.fence.file
                and self.fence.line < loc.line < self.end.line)

    @property
    def is_whole_file(self) -> bool:
        """A Dockerfile given as a file, or a fence whose every line is included from one file."""
        if not self.lines:
            return False
        return self.fence == self.lines[0] or all(loc.file != self.fence.file for loc in self.lines)

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
                   lines=tuple(Location(path, i) for i in range(1, count + 1)),
                   dockerignore_text=dockerignore_text)
