"""One configuration schema for the hook and the CLI.

Sources, later wins: defaults < `extra.snipcheck` in mkdocs.yml (or `--config FILE`, YAML/TOML)
< environment (`SNIPCHECK_IGNORE=DG701,DG702`, `SNIPCHECK_FAIL_ON=error`) < command-line flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace

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
    """Folders that `--8<--` include paths are relative to (mkdocs.yml's folder is the root)."""
    cache_dir: str = ""
    """Folder for cached check and build results (default $XDG_CACHE_HOME/snipcheck or ~/.cache/snipcheck)."""
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
    measurements: str = "snippets/measured/images.json"
    """The last real build's image facts (size, layers, ...), relative to mkdocs.yml's folder; the
    size page and numbers declared as measured in the text are checked against it."""

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


BOOLEAN_KEYS = ("build", "cache", "quiet")
COUNT_KEYS = ("cache_max_mb", "jobs", "parallel_min")
# Settings that change how results are obtained, never what they are (left out of cache keys).
NOT_AFFECTING_RESULTS = frozenset({"build", "cache_dir", "cache", "cache_max_mb", "jobs", "parallel_min", "engines",
                                   "quiet"})


def _coerce(key: str, value, source: str):
    try:
        if key in ("select", "ignore", "enable", "snippets_base", "engines"):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(i).strip() for i in items if str(i).strip())
        if key in BOOLEAN_KEYS:
            if isinstance(value, bool):
                return value
            if str(value).strip().lower() in ("1", "true", "yes", "on"):
                return True
            if str(value).strip().lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(f"expected true or false, got {value!r}")
        if key in ("cache_dir", "measurements"):
            return str(value)
        if key in COUNT_KEYS:
            if isinstance(value, bool) or int(value) < 0:
                raise ValueError(f"expected a whole number of 0 or more, got {value!r}")
            return int(value)
        if key == "fail_on":
            return Severity.parse(str(value))
        if key == "severity":
            if isinstance(value, str):
                value = dict(part.split("=", 1) for part in value.split(",") if part.strip())
            return {str(k).strip().upper(): Severity.parse(str(v)) for k, v in dict(value).items()}
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{source}: bad value for {key!r}: {exc}") from None
    raise ConfigError(f"{source}: unsupported option {key!r}")


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
    """Read a config file: mkdocs.yml (its extra.snipcheck), *.yml/*.yaml, or *.toml ([tool.snipcheck])."""
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

    # mkdocs.yml uses !!python/name and !relative tags; they do not matter here.
    _Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(text, Loader=_Loose) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    if "extra" in data or "site_name" in data:
        return ((data.get("extra") or {}).get("snipcheck")) or {}
    return data.get("snipcheck", data)
