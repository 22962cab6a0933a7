"""The pages `mkdocs build` leaves out of a site, read from its mkdocs.yml without MkDocs, so that
`snipcheck check docs/` checks what the build checks: MkDocs' own exclusions (`.*`, `/templates/`),
`exclude_docs`, and `draft_docs` (drafts are served by `mkdocs serve`, never built).

Only files found by walking a folder are left out: a file named on the command line is checked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from .records import dataclass

# MkDocs 1.6's own exclusions (mkdocs/structure/files.py, _default_exclude), before exclude_docs.
MKDOCS_EXCLUDES = (".*", "/templates/")


@dataclass(frozen=True)
class SitePatterns:
    """What mkdocs.yml says about the docs folder: where it is, and the gitignore-style patterns
    (relative to it) of the files the build leaves out."""
    docs_dir: Path
    exclude: tuple[str, ...] = ()  # exclude_docs, one pattern a line
    drafts: tuple[str, ...] = ()  # draft_docs


def site_patterns(data: dict, folder: Path) -> SitePatterns:
    """The patterns of a loaded mkdocs.yml that lives in `folder`; ValueError as MkDocs would refuse them."""
    docs_dir = data.get("docs_dir", "docs")
    if not isinstance(docs_dir, str) or not docs_dir:
        raise ValueError("`docs_dir` must be a folder name")
    return SitePatterns(folder / docs_dir, _lines(data.get("exclude_docs"), "exclude_docs"),
                        _lines(data.get("draft_docs"), "draft_docs"))


def _lines(value, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, str):  # MkDocs: "Expected a multiline string, but a <class 'list'> was given."
        raise ValueError(f"`{name}` must be a multiline string of gitignore-style patterns, not {type(value).__name__}")
    return tuple(value.splitlines())


def left_out(patterns: SitePatterns, notes: list[str]) -> Callable[[Path], str | None]:
    """A function from a file to why `mkdocs build` leaves it out of the site (None: it is built)."""
    excluded, draft = _matchers(patterns, notes)
    docs_dir = os.path.abspath(patterns.docs_dir)

    def why(path: Path) -> str | None:
        relative = os.path.relpath(os.path.abspath(path), docs_dir)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None  # not under the docs folder: not a page of the site
        src_uri = Path(relative).as_posix()
        if excluded(src_uri):
            return "excluded from the site (MkDocs' own exclusions or exclude_docs in mkdocs.yml); name the file to check it"
        if draft is not None and draft(src_uri):
            return "a draft (draft_docs in mkdocs.yml), which `mkdocs build` leaves out; name the file to check it"
        return None

    return why


def _matchers(patterns: SitePatterns, notes: list[str]):
    """(is it excluded, is it a draft or None) for a path relative to the docs folder, matched by
    pathspec as MkDocs matches them. Without patterns of the site's own, pathspec is not needed."""
    if not patterns.exclude and not patterns.drafts:
        return _mkdocs_excludes, None
    try:
        import pathspec  # MkDocs' dependency: installed with the plugin, not with the CLI alone
    except ImportError:
        notes.append("mkdocs.yml's exclude_docs and draft_docs are not applied: the pathspec package "
                     "(installed with MkDocs) is missing, so every page found is checked")
        return _mkdocs_excludes, None
    try:
        excluded = pathspec.gitignore.GitIgnoreSpec.from_lines([*MKDOCS_EXCLUDES, *patterns.exclude])
        drafts = pathspec.gitignore.GitIgnoreSpec.from_lines(patterns.drafts) if patterns.drafts else None
    except ValueError as exc:  # MkDocs refuses the config with the same message
        raise ValueError(f"a pattern of exclude_docs or draft_docs: {exc}") from None
    return excluded.match_file, drafts.match_file if drafts is not None else None


def _mkdocs_excludes(src_uri: str) -> bool:
    """MKDOCS_EXCLUDES as gitignore reads them: a name that starts with a dot at any depth, or
    anything inside the top folder templates/."""
    parts = src_uri.split("/")
    return any(part.startswith(".") for part in parts) or (len(parts) > 1 and parts[0] == "templates")
