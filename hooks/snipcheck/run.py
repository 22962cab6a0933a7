"""One check run, shared by the CLI and the MkDocs hook: collect -> check -> Report."""

from __future__ import annotations

from .records import replace
from pathlib import Path

from .batch import BatchStats, check_many
from .checkcache import CheckCache
from .results import with_findings
from .collect import Collection, collect
from .cachedir import cache_folder
from .config import Config, ConfigError, load_file, pinned
from .registry import RuleSet
from .report import Report, page_finding


def find_project_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` with a mkdocs.yml."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def project_config(root: Path | None) -> Config:
    """Defaults updated from the plugin's options in root's mkdocs.yml, when there is one."""
    if root is None or not (root / "mkdocs.yml").exists():
        return Config()
    return Config().with_values(load_file(str(root / "mkdocs.yml")), f"{root / 'mkdocs.yml'}: extra.snipcheck")


def snippet_bases(root: Path, config: Config) -> list[Path]:
    return [root / b for b in config.snippets_base]


# A run of at least this many snippets (a docs folder, not a pre-commit hook's few files) keeps its
# results in one bundle file for its project, as a site's build does, not one file each: creating a
# small file costs our CI machines about 0.5 ms. A smaller run neither reads nor rewrites the bundle
# (a run that leaves most of a bundle unused ages it: see checkcache.KEEP_IDLE_RUNS).
BUNDLE_MIN = 50


def check_collection(collection: Collection, ruleset: RuleSet, config: Config,
                     root: Path | None = None) -> tuple[Report, BatchStats]:
    """Check every collected snippet (reusing cached results unless `cache: false`) into a Report;
    a big run of the project at `root` keeps its results in that project's bundle (checkcache)."""
    site = root if root is not None and len(collection.snippets) >= BUNDLE_MIN else None
    results, stats = check_many(collection.snippets, ruleset, config, CheckCache.for_config(config, site=site))
    problems = tuple(page_finding(p, ruleset) for p in collection.problems)
    return Report(tuple(results), problems, config, notes=tuple(collection.notes)), stats


def check_paths_with_stats(paths: list[str], root: Path, config: Config) -> tuple[Report, BatchStats]:
    """The Report for `paths`, and what it cost (how many snippets the rules ran on)."""
    config = pinned(config)  # today's date, read once for the whole run (end-of-life rule)
    ruleset = RuleSet(config)
    collection = collect(paths, root, snippet_bases(root, config), ruleset, config)  # rule IDs, asked for lazily
    return check_collection(collection, ruleset, config, root)


def check_paths(paths: list[str], root: Path, config: Config) -> Report:
    return check_paths_with_stats(paths, root, config)[0]


def is_example_file(snippet) -> bool:
    """A Dockerfile given as a file, or a fence whose every line is included from a file: what the
    guide promises builds. Inline fences (rule docs, illustrations) need not match the app."""
    if not snippet.lines:
        return False
    plain_dockerfile = snippet.fence == snippet.lines[0]
    return plain_dockerfile or all(loc.file != snippet.fence.file for loc in snippet.lines)


def read_lock(root: Path, config: Config) -> dict:
    """The entries of snippets/images.lock ({} when there is none); ConfigError when malformed."""
    from .imagelock import LockError, load

    try:
        return load(root)
    except LockError as exc:
        raise ConfigError(str(exc)) from None


def build_examples(report: Report, root: Path, builder=None, progress=None) -> tuple[Report, str]:
    """Build and run the report's example files with Docker; fold the findings into the report.

    Engines come from the `engines` setting (default: the one DOCKER_HOST names) unless a builder
    is given; results are reused from the build cache under `cache_dir`. Returns the updated report
    and a summary ("built and ran N of M ..."). Raises builder.EngineError when no engine answers.
    """
    from .builder import build_snippets, summary
    from .builder.cache import BuildCache, LayerSizes
    from .signals import signals_raise
    from .builder.engines import Engine, healthy_engines

    config = report.config
    folder = cache_folder("builds", config.cache_dir)
    lock = read_lock(root, config)
    engines = [Engine(builder)] if builder is not None else docker_engines(config, lock)
    for engine in engines:
        if hasattr(engine.builder, "layer_sizes"):
            engine.builder.layer_sizes = LayerSizes(folder / "layers")
    candidates = [r for r in report.results if is_example_file(r.snippet)]
    # SIGINT (KeyboardInterrupt) and SIGTERM unwind through here: what the run made is removed.
    with signals_raise():
        try:
            alive = healthy_engines(engines)
            engine_text = describe_engines(engines)
            builds = build_snippets([r.snippet for r in candidates], candidates, root, alive, config,
                                    cache=BuildCache(folder), progress=progress,
                                    lock=lock)
        finally:
            if builder is None:
                for engine in engines:
                    engine.builder.close()
    by_snippet = {id(b.snippet): b for b in builds}
    results = tuple(with_findings(r, by_snippet[id(r.snippet)].findings, config, build=by_snippet[id(r.snippet)])
                    if id(r.snippet) in by_snippet else r for r in report.results)
    return (Report(results, report.problems, config, tuple(builds), engine_text, notes=report.notes),
            summary(builds, engine_text))


def markdown_pages(paths: list[str], root: Path) -> dict[str, str]:
    """Display path -> text of every Markdown file among `paths` (folders searched)."""
    from .collect import Refused, display_path, expand_paths, is_markdown, read_page

    pages = {}
    for path in expand_paths(paths, site_root=root):
        text = read_page(path, None, str(path))
        if isinstance(text, Refused):
            continue  # the check itself reported or skipped it with a note
        if is_markdown(path, text) and "measured=" in text:
            pages[display_path(path, root)] = text
    return pages


def measurements_path(root: Path, config: Config) -> Path:
    return root / config.measurements


def current_measurements(report: Report, root: Path) -> dict:
    """The committed measurements, with this run's fresh facts (if it built anything) merged in."""
    from . import measured

    data = measured.load(measurements_path(root, report.config))
    return measured.merged(data, report.builds, report.build_engine) if report.builds else data


def with_claims(report: Report, pages: dict[str, str], data: dict, ruleset: RuleSet) -> Report:
    """The report plus DG016 for every number declared as measured that the measurements contradict."""
    from .claims import check_claims

    found = tuple(page_finding(p, ruleset) for page, text in pages.items() for p in check_claims(page, text, data))
    if not found:
        return report
    return replace(report, problems=report.problems + found)


def docker_engines(config: Config, locked: dict | None = None) -> list:
    """One DockerBuilder per configured engine (default: the environment's DOCKER_HOST), each
    pulling base images from the world this run chose (registry, mirror or stand-ins)."""
    from .builder import DockerBuilder
    from .builder.world import choose
    from .builder.engines import Engine, EngineSpec, parse_engines

    try:
        specs = parse_engines(config.engines) or [EngineSpec("")]
    except ValueError as exc:
        raise ConfigError(f"engines: {exc}") from None
    world = choose(config)
    limits = dict(run_timeout=config.run_timeout, build_timeout=config.build_timeout,
                  max_image_bytes=config.max_image_bytes, max_layer_bytes=config.max_layer_bytes)
    return [Engine(DockerBuilder(host="" if s.buildx else s.endpoint, buildx=s.buildx, world=world, locked=locked,
                                 **limits), s.jobs) for s in specs]


def describe_engines(engines) -> str:
    """The first engine's description; with several, each engine's name, slots and state."""
    alive = [e for e in engines if e.alive]
    first = alive[0].builder.describe() if hasattr(alive[0].builder, "describe") else ""
    if len(engines) == 1:
        return first
    states = ", ".join(f"{e.name} ({e.jobs} at once{'' if e.alive else ', not answering'})" for e in engines)
    return f"{len(engines)} engines: {states}; {first}"
