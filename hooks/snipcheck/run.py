"""One check run, shared by the CLI and the MkDocs hook: collect -> check -> Report."""

from __future__ import annotations

from pathlib import Path

from .checker import check_snippet
from .collect import Collection, collect
from .config import Config, load_file
from .registry import RuleSet
from .report import Report, page_finding


def find_project_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def project_config(root: Path | None) -> Config:
    """Defaults updated from mkdocs.yml's `extra.snipcheck` when there is one."""
    if root is None:
        return Config()
    return Config().with_values(load_file(str(root / "mkdocs.yml")), f"{root / 'mkdocs.yml'}: extra.snipcheck")


def snippet_bases(root: Path, config: Config) -> list[Path]:
    return [root / b for b in config.snippets_base]


def check_collection(collection: Collection, ruleset: RuleSet, config: Config) -> Report:
    results = tuple(check_snippet(s, ruleset, config) for s in collection.snippets)
    problems = tuple(page_finding(p, ruleset) for p in collection.problems)
    return Report(results, problems, config)


def check_paths(paths: list[str], root: Path, config: Config) -> Report:
    ruleset = RuleSet(config)
    collection = collect(paths, root, snippet_bases(root, config), ruleset.ids)
    return check_collection(collection, ruleset, config)
