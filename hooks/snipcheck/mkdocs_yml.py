"""The CLI's view of a mkdocs.yml, read without MkDocs: the plugin's options and where includes
come from, so `snipcheck check docs/` sees the site as `mkdocs build` does.

Precedence as in the plugin: extra.snipcheck (deprecated) < plugins.snipcheck; `snippets_base`
defaults to pymdownx.snippets' `base_path` (relative to mkdocs.yml's folder here).
"""

from __future__ import annotations

from pathlib import Path

SNIPPETS = "pymdownx.snippets"


def is_mkdocs_config(data: dict) -> bool:
    return "site_name" in data or "extra" in data or "plugins" in data


def options(data: dict) -> dict:
    """snipcheck's options from a loaded mkdocs.yml."""
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        raise ValueError("`extra` must be a mapping")
    found = _mapping(extra.get("snipcheck"), "extra.snipcheck")
    found.update(_plugin_options(data.get("plugins")))
    snippets = _snippets(data)
    if "snippets_base" not in found and snippets is not None:
        base = snippets.get("base_path", ["."])
        if base is not None and not isinstance(base, (str, list)):
            raise ValueError(f"`{SNIPPETS}`: base_path must be a path or a list of paths, not {type(base).__name__}")
        paths = [base] if isinstance(base, str) else [b for b in (base or []) if isinstance(b, str)]
        found["snippets_base"] = paths or ["."]
    if "snippets_url_download" not in found and snippets is not None and switched_on(snippets.get("url_download")):
        found["snippets_url_download"] = True
    return found


def switched_on(value) -> bool:
    """A yes/no setting of a Python-Markdown extension as the extension reads it (Python-Markdown's
    parseBoolValue): `yes`, `on`, `1` and a number other than 0 are on. A word it cannot read stops
    `mkdocs build` with Python-Markdown's own message; here it is off."""
    if isinstance(value, str):
        return value.lower() in ("true", "yes", "y", "on", "1")
    return bool(value)


def _mapping(value, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"`{where}`: expected a mapping of snipcheck options, not {type(value).__name__}")
    return dict(value)


def _plugin_options(plugins) -> dict:
    if isinstance(plugins, dict):
        return _mapping(plugins.get("snipcheck"), "plugins.snipcheck")
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and "snipcheck" in entry:
            return _mapping(entry["snipcheck"], "plugins.snipcheck")
    return {}


def _snippets(data: dict) -> dict | None:
    """pymdownx.snippets' settings ({} when enabled without any), None when not enabled."""
    extensions = data.get("markdown_extensions") or []
    if isinstance(extensions, dict):  # MkDocs takes {name: settings} as well as a list
        extensions = [{name: settings} for name, settings in extensions.items()]
    if not isinstance(extensions, (list, tuple)):
        raise ValueError(f"`markdown_extensions` must be a list or a mapping, not {type(extensions).__name__}")
    for entry in extensions:
        if entry == SNIPPETS:
            return {}
        if isinstance(entry, dict) and SNIPPETS in entry:
            settings = entry[SNIPPETS] or {}
            if not isinstance(settings, dict):
                raise ValueError(f"`{SNIPPETS}`: expected a mapping of settings, not {type(settings).__name__}")
            return dict(settings)
    return None


def relative_tag(folder: Path):
    """A YAML constructor for MkDocs' `!relative $config_dir/...` (other uses resolve to None)."""

    def construct(loader, node):
        value = loader.construct_scalar(node) if hasattr(node, "value") and isinstance(node.value, str) else ""
        return value.replace("$config_dir", str(folder)) if value.startswith("$config_dir") else None

    return construct
