"""One configuration schema for the hook and the CLI.

Sources, later wins: defaults < `extra.snipcheck` in mkdocs.yml (or `--config FILE`, YAML/TOML)
< environment (`SNIPCHECK_IGNORE=DG701,DG702`, `SNIPCHECK_FAIL_ON=error`) < command-line flags.
"""

from __future__ import annotations

import ast
import inspect
import os
import typing
from pathlib import Path
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Literal

from . import mkdocs_yml
from .model import Severity


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
    cache_dir: str = ""
    """Folder for cached check and build results (default $XDG_CACHE_HOME/snipcheck or ~/.cache/snipcheck)."""
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
    cache: bool = True
    """Reuse the check results of unchanged snippets from earlier runs (stored under `cache_dir`)."""
    cache_max_mb: int = 64
    """Size cap of the check cache in MiB; the least recently used results are dropped beyond it."""
    jobs: int = 0
    """Worker processes for checking many snippets; 0: one per CPU, 1: never in parallel."""
    parallel_min: int = 200
    """Check in a process pool only when at least this many snippets need checking (not cached)."""
    engines: tuple[str, ...] = ()
    """Build engines for the real build, each `ENDPOINT [jobs=N]`: a DOCKER_HOST-style endpoint
    (unix://, tcp://, ssh://) or `buildx:BUILDER`; jobs = builds at once there (default 1).
    Empty: the one engine DOCKER_HOST names. See docs/reference/build-farm.md."""
    quiet: bool = False
    """No progress lines during a real build (the summary is still printed)."""

    def with_values(self, values: dict, source: str) -> "Config":
        """Return a copy updated from a mapping (mkdocs.yml extra, config file, env)."""
        known = {f.name for f in fields(self)}
        updates = {}
        for key, value in (values or {}).items():
            key = key.replace("-", "_")
            if key not in known:
                raise ConfigError(f"{source}: unknown snipcheck option {key!r} (known: {', '.join(sorted(known))})")
            updates[key] = _coerce(key, value, source)
        return replace(self, **updates)


def field_types() -> dict[str, object]:
    """Each option's type, resolved (the annotations are strings under `from __future__`)."""
    return typing.get_type_hints(Config)


def option_docs() -> dict[str, str]:
    """Each option's docstring (the string under the field), read from this module's source."""
    body = ast.parse(inspect.getsource(Config)).body[0].body
    docs = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            docs[node.target.id] = " ".join(str(after.value.value).split())
    return docs


def field_default(f):
    return f.default_factory() if f.default is MISSING else f.default


# Settings that change how results are obtained or shown, never what they are (left out of cache keys).
NOT_AFFECTING_RESULTS = frozenset({"build", "cache_dir", "cache", "cache_max_mb", "jobs", "parallel_min", "engines",
                                   "quiet", "offline", "mirrors", "show", "rule_pages", "report_page", "highlight_failing_lines"})


def _coerce(key: str, value, source: str):
    """Convert a value from YAML, TOML, the environment or a flag to the option's type."""
    hint = field_types()[key]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    try:
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
        if origin is Literal:
            if str(value).strip().lower() not in args:
                raise ValueError(f"expected one of {', '.join(args)}, got {value!r}")
            return str(value).strip().lower()
        if origin is tuple:
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(i).strip() for i in items if str(i).strip())
        if origin is dict and args[1] is Severity:
            if isinstance(value, str):
                value = dict(part.split("=", 1) for part in value.split(",") if part.strip())
            return {str(k).strip().upper(): Severity.parse(str(v)) for k, v in dict(value).items()}
    except (ValueError, TypeError) as exc:
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


def load_file(path: str) -> dict:
    """Read a config file: mkdocs.yml (the plugin's options), *.yml/*.yaml, or *.toml ([tool.snipcheck])."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    if path.endswith(".toml"):
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        return data.get("tool", {}).get("snipcheck", data.get("snipcheck", {}))
    import yaml

    class _Loose(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !!python/name and !ENV tags, which do not matter here, and !relative, which does.
    _Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    _Loose.add_constructor("!relative", mkdocs_yml.relative_tag(Path(path).resolve().parent))
    try:
        data = yaml.load(text, Loader=_Loose) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    if mkdocs_yml.is_mkdocs_config(data):
        return mkdocs_yml.options(data)
    return data.get("snipcheck", data)


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
