"""One configuration schema for the hook and the CLI.

Sources, later wins: defaults < `extra.snipcheck` in mkdocs.yml (or `--config FILE`, YAML/TOML)
< environment (`SNIPCHECK_IGNORE=DG701,DG702`, `SNIPCHECK_FAIL_ON=error`) < command-line flags.
"""

from __future__ import annotations

import os
from pathlib import Path
from .records import MISSING, dataclass, field, fields, replace

from . import mkdocs_yml
from .severity import Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing on every run
if TYPE_CHECKING:
    from typing import Literal


class ConfigError(ValueError):
    """A configuration value is wrong; the message says which key and why."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    """Rule IDs (or aliases) to run; empty means every rule that is on by default."""
    ignore: tuple[str, ...] = ()
    """Rule IDs (or aliases) never to run."""
    enable: tuple[str, ...] = ()
    """Rules that are off by default to switch on (e.g. DG805, base image not pinned by digest)."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides per rule ID, e.g. {DG402: error}."""
    fail_on: Severity = Severity.WARNING
    """Unexpected findings at or above this severity fail the check (CLI exit 1, warnings in mkdocs)."""
    build: bool = False
    """Also build complete examples with Docker and run the sample app's selfcheck (slow)."""
    snippets_base: tuple[str, ...] = ("snippets",)
    """Folders `--8<--` includes are read from (relative to mkdocs.yml's folder); the plugin reads
    pymdownx.snippets' base_path unless this is set."""
    snippets_url_download: bool = False
    """Whether the site downloads `--8<--` includes of URLs (pymdownx.snippets' url_download): the checker never downloads; a block with one is checked as rendered by `mkdocs build` and skipped by the CLI. The CLI reads it from mkdocs.yml; the plugin always follows pymdownx.snippets."""
    cache_dir: str = ""
    """Folder for cached check and build results (default $XDG_CACHE_HOME/snipcheck or ~/.cache/snipcheck)."""
    max_file_bytes: int = 1_000_000
    """Largest file a page may include or name (bytes); a larger one is refused (DG009) after reading only this much."""
    max_page_bytes: int = 4_000_000
    """Most text a page may take in through includes (bytes); further includes are refused (DG009)."""
    allow_network: bool = True
    """Let examples that declare `network="build"` use the network while they build (never when they run).
    false refuses such builds (DG012): set it (SNIPCHECK_ALLOW_NETWORK=0) for pull requests from forks."""
    build_timeout: float = 600
    """Seconds one example's `docker build` may take before it is stopped (DG013)."""
    run_timeout: float = 30
    """Seconds one example's selfcheck run may take before it is stopped (DG013)."""
    total_build_timeout: float = 1800
    """Seconds the whole real build may take; examples not started by then are reported as not built."""
    max_image_bytes: int = 1_000_000_000
    """Largest image an example may build (bytes); a larger one is removed and reported (DG013)."""
    max_layer_bytes: int = 500_000_000
    """Largest single layer an example may add (bytes); a larger one is reported (DG013)."""
    offline: bool = False
    """Real build: never pull from a registry; build on the local stand-in images (tools/standins.sh
    serves them from a registry on 127.0.0.1). Also used when no registry answers; reports say so."""
    mirrors: dict[str, str] = field(default_factory=dict)
    """Real build: registry mirrors, e.g. {docker.io: "mirror.corp:5000", gcr.io: "mirror.corp:5000/gcr.io"}.
    Image references in the built Dockerfile are rewritten to the mirror (SNIPCHECK_MIRRORS=
    "docker.io=mirror.corp:5000,gcr.io=mirror.corp:5000/gcr.io")."""
    today: str = ""
    """Date (YYYY-MM-DD) that base images' end-of-life dates are judged by; empty: the machine's date,
    read once when the run starts (SNIPCHECK_TODAY=2027-01-01 for stable tests)."""
    show: Literal["all", "failures", "none"] = "failures"
    """What readers see under each Dockerfile: every result, only unexpected failures, or nothing (site only)."""
    rule_pages: bool = False
    """Add a page per rule (and an index) to the site, in the navigation (site only)."""
    report_page: bool = False
    """Add a check report page (checks/index.md) and checks/report.json to the site (site only)."""
    highlight_failing_lines: bool = False
    """Highlight the lines with findings of failing snippets and bad examples, where the author set no
    hl_lines (site only)."""
    profile: Literal["default", "hadolint"] = "default"
    """Severity profile: `default` (severities follow harm to a reader who copies the snippet) or
    `hadolint` (hadolint's own levels, and every snippet with a FROM judged as a whole Dockerfile)."""
    whole_image_rules_on_excerpts: bool = False
    """Also run rules about the whole image (root user, untagged base, missing .dockerignore, ...) on
    excerpts: snippets without FROM, with `...` elisions or placeholders, or of three instructions
    or fewer. The `hadolint` profile implies it."""
    require_fragment_declaration: bool = False
    """Report snippets without FROM that the fence does not declare `fragment` (DG007). Off by
    default: in most docs a snippet without FROM is a deliberate excerpt."""
    bad_examples_from_prose: bool = True
    """Lower to info the findings in a snippet the page itself presents as a bad example (the line
    above the fence says "❌ Bad:", "Don't", "this does not work", or its first comment does) and
    whose fence declares no `expect`: the author shows the mistake on purpose. Sites that declare
    every bad example with `expect` turn it off to keep undeclared findings failing."""
    cache: bool = True
    """Reuse the check results of unchanged snippets from earlier runs (stored under `cache_dir`)."""
    cache_max_mb: int = 64
    """Size cap of the check cache in MiB; the least recently used results are dropped beyond it."""
    jobs: int = 0
    """Worker processes for checking many snippets; 0: one per CPU, 1: never in parallel (and
    `mkdocs build` checks before it renders, not beside it)."""
    parallel_min: int = 600
    """Check in a process pool only when at least this many snippets need checking (not cached)."""
    # Measured in `mkdocs build` on 2 cores: starting a pool in MkDocs' process costs about 0.1 s,
    # so the guide's 281 snippets built 0.06 s slower with it, 500 broke even, 800 gained 1%.
    engines: tuple[str, ...] = ()
    """Build engines for the real build, each `ENDPOINT [jobs=N]`: a DOCKER_HOST-style endpoint
    (unix://, tcp://, ssh://) or `buildx:BUILDER`; jobs = builds at once there (default 1).
    Empty: the one engine DOCKER_HOST names. See docs/reference/build-farm.md."""
    quiet: bool = False
    """No progress lines during a real build (the summary is still printed)."""
    measurements: str = "snippets/measured/images.json"
    """The last real build's image facts (size, layers, ...), relative to mkdocs.yml's folder; the
    size page and numbers declared as measured in the text are checked against it."""

    def with_values(self, values: dict, source: str) -> "Config":
        """Return a copy updated from a mapping (mkdocs.yml extra, config file, env)."""
        known = {f.name for f in fields(self)}
        updates = {}
        if values is None:
            values = {}
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: expected a mapping of snipcheck options, got {type(values).__name__} "
                              f"{str(values)[:40]!r}")
        for key, value in values.items():
            key = str(key).replace("-", "_")
            if key not in known:
                raise ConfigError(f"{source}: unknown snipcheck option {key!r} (known: {', '.join(sorted(known))})")
            updates[key] = _coerce(key, value, source)
        return replace(self, **updates)


_NUMBERS = {"max_file_bytes": int, "max_page_bytes": int, "max_image_bytes": int, "max_layer_bytes": int,
            "build_timeout": float, "run_timeout": float, "total_build_timeout": float}
def pinned(config: Config) -> Config:
    """`config` with `today` fixed to the machine's date if unset: read once per run, so a run
    that crosses midnight judges every snippet by the same day (the end-of-life rule). The local
    date, as `datetime.date.today()` gives it, without importing datetime on every run."""
    import time

    return config if config.today else replace(config, today=time.strftime("%Y-%m-%d", time.localtime()))


def field_types() -> dict[str, object]:
    """Each option's type, resolved (the annotations are strings under `from __future__`; typing is
    imported here, when a setting is read, not by every run)."""
    import typing

    return typing.get_type_hints(Config, localns={"Literal": typing.Literal})


def option_docs() -> dict[str, str]:
    """Each option's docstring (the string under the field), read from this module's source."""
    import ast  # documentation only: not on the check path
    import inspect

    body = ast.parse(inspect.getsource(Config)).body[0].body
    docs = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            docs[node.target.id] = " ".join(str(after.value.value).split())
    return docs


def field_default(f):
    return f.default_factory() if f.default is MISSING else f.default


# Settings that change how results are obtained or shown, never what they are (left out of cache keys).
# snippets_base: where includes come from; their text is part of each snippet, so part of its key
# (snippets_url_download: the URLs a snippet downloads are part of it, so of its key, too).
NOT_AFFECTING_RESULTS = frozenset({"build", "cache_dir", "snippets_base", "snippets_url_download", "cache", "cache_max_mb", "jobs", "parallel_min", "engines",
                                   "quiet", "show", "rule_pages", "report_page", "highlight_failing_lines",
                                   "allow_network", "build_timeout", "run_timeout", "total_build_timeout",
                                   "max_image_bytes", "max_layer_bytes", "offline", "mirrors"})


_PLAIN_TYPES = {"str": str, "int": int, "bool": bool}  # annotations spelt as these need no resolving


def _coerce(key: str, value, source: str):
    """Convert a value from YAML, TOML, the environment or a flag to the option's type."""
    hint = _PLAIN_TYPES.get(Config.__record_fields__[key].type) or field_types()[key]
    try:
        if key in _NUMBERS:
            number = _NUMBERS[key](value)
            if isinstance(value, bool) or number <= 0:
                raise ValueError(f"expected a positive number, got {value!r}")
            return number
        if key == "mirrors":
            if isinstance(value, str):
                value = dict(part.split("=", 1) for part in value.split(",") if part.strip())
            mirrors = {str(k).strip().lower(): str(v).strip().removeprefix("http://").removeprefix("https://")
                       for k, v in dict(value).items()}
            bad = [k for k, v in mirrors.items() if not k or not v or " " in v]
            if bad:
                raise ValueError(f"mirror for {bad[0]!r} must be host[:port][/path]")
            return mirrors
        if key == "today":
            text = str(value).strip()
            if text:
                import datetime

                datetime.date.fromisoformat(text)  # ValueError: "Invalid isoformat string"
            return text
        if hint is bool:
            return _boolean(value)
        if hint is int:
            if isinstance(value, bool) or int(value) < 0:
                raise ValueError(f"expected a whole number of 0 or more, got {value!r}")
            return int(value)
        if hint is str:
            return str(value)
        if isinstance(hint, type) and issubclass(hint, Severity):
            return Severity.parse(str(value))
        import typing  # the rest need the annotation resolved; str, int and bool (most settings) do not

        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Literal:
            if str(value).strip().lower() not in args:
                raise ValueError(f"expected one of {', '.join(args)}, got {value!r}")
            return str(value).strip().lower()
        if origin is tuple:
            items = value.split(",") if isinstance(value, str) else list(value)
            nested = next((i for i in items if isinstance(i, (list, tuple, dict))), None)
            if nested is not None:
                raise ValueError(f"expected a list of names, found a {type(nested).__name__} inside it")
            return tuple(str(i).strip() for i in items if str(i).strip())
        if origin is dict and args[1] is Severity:
            if isinstance(value, str):
                value = dict(part.split("=", 1) for part in value.split(",") if part.strip())
            return {str(k).strip().upper(): Severity.parse(str(v)) for k, v in dict(value).items()}
    except (ValueError, TypeError, OverflowError) as exc:
        raise ConfigError(f"{source}: bad value for {key!r}: {exc}") from None
    raise ConfigError(f"{source}: unsupported option {key!r}")


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("1", "true", "yes", "on"):
        return True
    if str(value).strip().lower() in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def from_environment(config: Config, environ: dict[str, str] | None = None) -> Config:
    """Apply SNIPCHECK_<OPTION> variables."""
    environ = os.environ if environ is None else environ
    values = {}
    for f in fields(Config):
        raw = environ.get("SNIPCHECK_" + f.name.upper())
        if raw is not None:
            values[f.name] = raw
    return config.with_values(values, "environment") if values else config


MAX_CONFIG_BYTES = 10_000_000  # a config file larger than this is not one


def load_file(path: str) -> dict:
    """Read a config file: mkdocs.yml (the plugin's options), *.yml/*.yaml, or *.toml ([tool.snipcheck])."""
    if path.endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(_read_config(path))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        tool = _table(data.get("tool", {}), path, "[tool]")
        return _table(tool.get("snipcheck", data.get("snipcheck", {})), path, "[snipcheck]")
    data = load_yaml_mapping(path)
    if mkdocs_yml.is_mkdocs_config(data):
        try:
            return mkdocs_yml.options(data)
        except ValueError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    return _table(data.get("snipcheck", data), path, "snipcheck")


def load_yaml_mapping(path: str) -> dict:
    """A YAML file (mkdocs.yml) as a mapping; ConfigError names the file. The CLI reads mkdocs.yml
    for the plugin's options and again for the pages the site leaves out: it is parsed once (25 ms
    for this guide's), and parsed again when it changes. Callers read the mapping, never change it."""
    try:
        stat = os.stat(path)
    except OSError:
        stat = None  # _read_config says why
    key = (os.path.abspath(path), stat.st_mtime_ns, stat.st_size) if stat else None
    if key is not None and key in _PARSED:
        return _PARSED[key]
    data = _mapping_at_top(_load_yaml(_read_config(path), path), path)
    if key is not None:
        _PARSED.clear()  # the last file only: a run reads one mkdocs.yml
        _PARSED[key] = data
    return data


_PARSED: dict[tuple, dict] = {}


def _mapping_at_top(data, path: str) -> dict:
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def _read_config(path: str) -> str:
    """The file's text; ConfigError for a missing, unreadable, non-regular (a FIFO, /dev/zero) or huge file."""
    try:
        if not os.path.isfile(path):
            if os.path.exists(path):
                raise ConfigError(f"{path}: cannot read config: not a regular file")
            raise ConfigError(f"{path}: cannot read config: No such file or directory")
        with open(path, "rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: cannot read config: larger than {MAX_CONFIG_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the config as UTF-8") from None


MAX_YAML_ALIASES = 1_000  # anchors used more often than this are a "billion laughs", not a config


def _load_yaml(text: str, path: str):
    import yaml

    class _Loose(yaml.SafeLoader):
        aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    mark = self.peek_event().start_mark
                    raise ConfigError(f"{path}:{mark.line + 1}: invalid YAML: more than {MAX_YAML_ALIASES} "
                                      "aliases (*name)")
            return super().compose_node(parent, index)

    # mkdocs.yml uses !!python/name and !ENV tags, which do not matter here, and !relative, which does.
    _Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    _Loose.add_constructor("!relative", mkdocs_yml.relative_tag(Path(path).resolve().parent))
    # Dates stay text: no option is a YAML date, and `released: 2024-02-30` elsewhere in a
    # mkdocs.yml is the site's business, not a reason to fail.
    _Loose.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    try:
        return yaml.load(text, Loader=_Loose) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid YAML: nested too deep") from None


def _table(value, path: str, where: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {where} must be a table of snipcheck options, not {type(value).__name__}")
    return value


def options_table() -> str:
    """Every option as a Markdown table (name, default, meaning): the README's, kept by a test."""
    docs = option_docs()
    rows = ["| Option | Default | What it does |", "| --- | --- | --- |"]
    for f in fields(Config):
        default = field_default(f)
        shown = ", ".join(default) if isinstance(default, tuple) else str(default).lower() if isinstance(
            default, (bool, Severity)) else str(default)
        rows.append(f"| `{f.name}` | `{shown or '—'}` | {docs.get(f.name, '')} |")
    return "\n".join(rows) + "\n"
