"""The I/O edge for input: turn paths (Markdown files, folders, Dockerfiles) into snippets.

Markdown is read with includes resolved against the configured snippet folders; a plain
Dockerfile becomes one snippet, with a `.dockerignore` beside it as its context.
"""

from __future__ import annotations

import os
from functools import lru_cache
import re
from .records import dataclass, field, replace
from pathlib import Path

from .config import Config, ConfigError, load_yaml_mapping
from .containment import UNREADABLE, Download, Refused, Roots, check_inside, decode, is_url, locate, read_capped
from .snippets import Location, Problem, Snippet, snippet_from_dockerfile

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")


class InputError(Exception):
    """A path that cannot be read; the message names it."""


@dataclass
class Collection:
    snippets: list[Snippet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # page-level: not tied to one snippet
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # files and folders skipped, and why


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


def expand_paths(paths: list[str], notes: list[str] | None = None, site_root: Path | None = None) -> list[Path]:
    """Files to check: Markdown and Dockerfiles, folders searched recursively (sorted).

    A folder that cannot be listed is a note in `notes` (never a silent zero). With `site_root`, the
    folder of a mkdocs.yml, a file found in a folder that `mkdocs build` leaves out of that site is
    skipped with a note (built_pages); a file named in `paths` is always checked."""
    notes = [] if notes is None else notes
    out: list[Path] = []
    leave_out = None
    for raw in paths:
        if not raw.strip():
            raise InputError("an empty path was given (did a shell variable expand to nothing?)")
        p = Path(raw)
        if p.is_dir():
            if leave_out is None:
                leave_out = _pages_left_out(site_root, notes)
            out.extend(_files_under(p, notes, leave_out))
        elif p.is_file():
            out.append(p)
        elif p.exists():
            raise InputError(f"{raw}: not a regular file or folder (a device, FIFO or socket); it is not read")
        else:
            raise InputError(f"{raw}: no such file or folder")
    return out


def _pages_left_out(site_root: Path | None, notes: list[str]):
    """Why `mkdocs build` leaves a file out of the site at `site_root` (None when it builds it)."""
    config_file = site_root / "mkdocs.yml" if site_root is not None else None
    if config_file is None or not config_file.is_file():
        return lambda path: None
    from .built_pages import left_out, site_patterns

    data = load_yaml_mapping(str(config_file))  # its ConfigError names the file and the line
    try:
        return left_out(site_patterns(data, site_root), notes)
    except ValueError as exc:
        raise ConfigError(f"{config_file}: {exc}") from None


def _files_under(folder: Path, notes: list[str], leave_out) -> list[Path]:
    found: list[Path] = []
    left_out: dict[str, list[Path]] = {}

    def unreadable(exc: OSError) -> None:
        notes.append(f"{exc.filename}: folder skipped, cannot be read: {exc.strerror}")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            f = Path(dirpath) / name
            if not name.startswith(".") and (f.suffix in MARKDOWN_SUFFIXES or is_dockerfile(f)) and f.is_file():
                why = None if is_dockerfile(f) else leave_out(f)  # a Dockerfile is no page: pages include it
                if why is None:
                    found.append(f)
                else:
                    left_out.setdefault(why, []).append(f)
    for why, files in left_out.items():  # one note a reason: a site may leave out a thousand pages
        files.sort()
        if len(files) == 1:
            notes.append(f"{files[0]}: skipped: {why}")
        else:
            shown = ", ".join(map(str, files[:3])) + (", ..." if len(files) > 3 else "")
            notes.append(f"{folder}: {len(files)} files skipped ({shown}): {why}")
    return sorted(found)


def allowed_roots(root: Path, bases: list[Path], extra: tuple[Path, ...] = ()) -> Roots:
    """What pages may read: the snippet folders, the docs folder and the snippets folder."""
    return Roots.of([*bases, root / "docs", root / "snippets", *extra])


def make_reader(bases: list[Path], root: Path, roots: Roots | None = None, max_bytes: int = 1_000_000,
                downloads: bool = False):
    """A reader for includes: the first base folder that has the file wins (each file read once).

    Paths are contained (containment.py): a name that leaves its base, or a file that resolves
    outside `roots`, is refused; so is a file over `max_bytes` or one that is not text. With
    `downloads` (the site's pymdownx.snippets `url_download`), a URL is a Download, never fetched."""
    roots = roots or allowed_roots(root, bases)

    @lru_cache(maxsize=None)
    def read(name: str):
        if downloads and is_url(name):
            return Download(name)
        found = locate(name, bases, roots)
        if found is None or isinstance(found, Refused):
            return found
        shown = display_path(found, root)
        text = read_capped(found, max_bytes, name)
        return text if isinstance(text, Refused) else (shown, text)

    return read


def display_path(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """A file the project itself holds (tests, tools); InputError names it when it cannot be read."""
    text = read_page(path, None, str(path))
    if isinstance(text, Refused):
        raise InputError(text.message)
    return text


def read_page(path: Path, limit: int | None, shown: str) -> str | Refused:
    """A page or Dockerfile given to the checker, as text, or why it cannot be checked."""
    try:
        with open(path, "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except OSError as exc:
        return Refused(UNREADABLE, f"cannot read {shown!r}: {exc.strerror}")
    if limit is not None and len(data) > limit:
        return Refused(UNREADABLE, f"{shown!r} is larger than the limit of {limit} bytes (max_file_bytes)", line=1)
    return decode(data, shown)


def collect(paths: list[str], root: Path, snippet_bases: list[Path], known_rules=None,
            config: Config = Config()) -> Collection:
    """Read every path and extract its snippets (Markdown) or make it one (Dockerfile).

    Files that are not text (binary, other encodings) are skipped with a note."""
    result = Collection()
    reader = make_reader(snippet_bases, root, max_bytes=config.max_file_bytes, downloads=config.snippets_url_download)
    for path in expand_paths(paths, result.notes, site_root=root):
        shown = display_path(path, root)
        text = read_page(path, config.max_file_bytes, shown)
        if isinstance(text, Refused):
            if text.binary:
                result.notes.append(f"{shown}: skipped: {text.message}")
            else:
                result.problems.append(Problem(text.rule, text.message, Location(shown, text.line or 1)))
            continue
        result.files.append(shown)
        if is_markdown(path, text):
            from .markdown import extract  # Python-Markdown and pymdownx: only when there is Markdown

            snippets, problems = extract(shown, text, reader, known_rules, max_page_bytes=config.max_page_bytes)
            result.snippets.extend(with_dockerignore(s, reader) for s in snippets)
            result.problems.extend(problems)
        else:
            result.snippets.append(_dockerfile_snippet(path, shown, text, config))
    return result


def _dockerfile_snippet(path: Path, shown: str, text: str, config: Config) -> Snippet:
    """A plain Dockerfile; a `.dockerignore` beside it is its context's (contained to its folder)."""
    ignore = path.parent / ".dockerignore"
    if not os.path.lexists(ignore):
        return snippet_from_dockerfile(shown, text)
    shown_ignore = display_path(ignore, path.parent)
    found = check_inside(ignore, Roots.of([path.parent]), shown_ignore)
    if not isinstance(found, Refused):
        found = read_capped(ignore, config.max_file_bytes, shown_ignore)
    if isinstance(found, Refused):
        snippet = snippet_from_dockerfile(shown, text)
        return replace(snippet, problems=(Problem(found.rule, f".dockerignore refused: {found.message}",
                                                  snippet.fence),))
    return snippet_from_dockerfile(shown, text, found)


def with_dockerignore(snippet: Snippet, reader) -> Snippet:
    """Attach the text of the .dockerignore a fence names (`dockerignore="app/.dockerignore"`)."""
    name = snippet.options.dockerignore
    if not name:
        return snippet
    found = reader(name)
    if isinstance(found, Refused):
        problem = Problem(found.rule, f"dockerignore refused: {found.message}", snippet.fence)
        return replace(snippet, problems=snippet.problems + (problem,))
    if found is None:
        problem = Problem("DG005", f"dockerignore file not found: {name!r}", snippet.fence)
        return replace(snippet, problems=snippet.problems + (problem,))
    return replace(snippet, dockerignore_text=found[1])
