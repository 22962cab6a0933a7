"""One check run, shared by the CLI and the MkDocs hook: collect -> check -> Report."""

from __future__ import annotations

from pathlib import Path

from .checker import check_snippet, with_findings
from .collect import Collection, collect
from .config import Config, ConfigError, load_file
from .lifecycle import pinned
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
    config = pinned(config)
    ruleset = RuleSet(config)
    collection = collect(paths, root, snippet_bases(root, config), ruleset.ids)
    return check_collection(collection, ruleset, config)


def is_example_file(snippet) -> bool:
    """A Dockerfile given as a file, or a fence whose every line is included from a file: what the
    guide promises builds. Inline fences (rule docs, illustrations) need not match the app."""
    if not snippet.lines:
        return False
    plain_dockerfile = snippet.fence == snippet.lines[0]
    return plain_dockerfile or all(loc.file != snippet.fence.file for loc in snippet.lines)


def read_lock(root: Path, config: Config) -> dict:
    """The entries of snippets/images.lock ({} when there is none); ConfigError when malformed."""
    from .imagelock import LOCK_PATH, LockError, parse

    path = Path(root) / LOCK_PATH
    if not path.is_file():
        return {}
    try:
        return parse(path.read_text(encoding="utf-8"), LOCK_PATH)
    except LockError as exc:
        raise ConfigError(str(exc)) from None


def build_examples(report: Report, root: Path, builder=None) -> tuple[Report, str]:
    """Build and run the report's example files with Docker; fold the findings into the report.

    Returns the updated report and a summary ("built and ran N of M ..."). Raises
    builder.EngineError when there is no engine to talk to.
    """
    from .builder import DockerBuilder, build_snippets, summary
    from .builder.report import built_line
    from .builder.world import choose

    owned = builder is None
    builder = builder or DockerBuilder(world=choose(report.config), locked=read_lock(root, report.config))
    candidates = [r for r in report.results if is_example_file(r.snippet)]
    try:
        engine = builder.describe()
        builds = build_snippets([r.snippet for r in candidates], candidates, root, builder, report.config)
    finally:
        if owned:
            builder.close()
    extra = {id(b.snippet): b.findings for b in builds}
    built = {id(b.snippet): built_line(b) for b in builds}
    results = tuple(with_findings(r, extra.get(id(r.snippet), ()), report.config, built.get(id(r.snippet), ""))
                    for r in report.results)
    return Report(results, report.problems, report.config), summary(builds, engine)
