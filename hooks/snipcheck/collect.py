"""The I/O edge for input: turn paths (Markdown files, folders, Dockerfiles) into snippets.

Markdown is read with includes resolved against the configured snippet folders; a plain
Dockerfile becomes one snippet, with a `.dockerignore` beside it as its context.
"""

from __future__ import annotations

import os
from functools import lru_cache
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .snippets import Problem, Snippet, snippet_from_dockerfile

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")


class InputError(Exception):
    """A path that cannot be read; the message names it."""


@dataclass
class Collection:
    snippets: list[Snippet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # page-level: not tied to one snippet
    files: list[str] = field(default_factory=list)


def is_dockerfile(path: Path) -> bool:
    name = path.name
    return name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith((".Dockerfile", ".dockerfile"))


def is_markdown(path: Path, text: str) -> bool:
    """Markdown by suffix; any other named file is Markdown only if it has a code fence."""
    if is_dockerfile(path):
        return False
    if path.suffix in MARKDOWN_SUFFIXES:
        return True
    return bool(re.search(r"^[ \t>]*(```|~~~)", text, re.M))


def expand_paths(paths: list[str]) -> list[Path]:
    """Files to check: Markdown and Dockerfiles, folders searched recursively (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and not any(part.startswith(".") for part in
                           f.relative_to(p).parts) and (f.suffix in MARKDOWN_SUFFIXES or is_dockerfile(f)))
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(f"{raw}: no such file or folder")
    return out


def make_reader(bases: list[Path], root: Path):
    """A reader for includes: first base folder that has the file wins (each file read once)."""

    @lru_cache(maxsize=None)
    def read(name: str):
        for base in bases:
            candidate = (base / name)
            if candidate.is_file():
                try:
                    text = candidate.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    return None
                return display_path(candidate, root), text
        return None

    return read


def display_path(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path.resolve(), root.resolve())
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return data.decode("utf-8", errors="replace")


def collect(paths: list[str], root: Path, snippet_bases: list[Path], known_rules=None) -> Collection:
    """Read every path and extract its snippets (Markdown) or make it one (Dockerfile)."""
    result = Collection()
    reader = make_reader(snippet_bases, root)
    for path in expand_paths(paths):
        shown = display_path(path, root)
        result.files.append(shown)
        text = read_text(path)
        if is_markdown(path, text):
            from .markdown import extract  # Python-Markdown and pymdownx: only when there is Markdown

            snippets, problems = extract(shown, text, reader, known_rules)
            result.snippets.extend(with_dockerignore(s, reader) for s in snippets)
            result.problems.extend(problems)
        else:
            ignore = path.parent / ".dockerignore"
            ignore_text = read_text(ignore) if ignore.is_file() else None
            result.snippets.append(snippet_from_dockerfile(shown, text, ignore_text))
    return result


def with_dockerignore(snippet: Snippet, reader) -> Snippet:
    """Attach the text of the .dockerignore a fence names (`dockerignore="app/.dockerignore"`)."""
    name = snippet.options.dockerignore
    if not name:
        return snippet
    found = reader(name)
    if found is None:
        problem = Problem("DG005", f"dockerignore file not found: {name!r}", snippet.fence)
        return replace(snippet, problems=snippet.problems + (problem,))
    return replace(snippet, dockerignore_text=found[1])
