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
    found = dict((data.get("extra") or {}).get("snipcheck") or {})
    found.update(_plugin_options(data.get("plugins")))
    if "snippets_base" not in found and _snippets(data) is not None:
        base = (_snippets(data) or {}).get("base_path", ["."])
        paths = [base] if isinstance(base, str) else [b for b in (base or []) if isinstance(b, str)]
        found["snippets_base"] = paths or ["."]
    return found


def _plugin_options(plugins) -> dict:
    if isinstance(plugins, dict):
        return dict(plugins.get("snipcheck") or {})
    for entry in plugins or []:
        if isinstance(entry, dict) and "snipcheck" in entry:
            return dict(entry["snipcheck"] or {})
    return {}


def _snippets(data: dict) -> dict | None:
    """pymdownx.snippets' settings ({} when enabled without any), None when not enabled."""
    for entry in data.get("markdown_extensions") or []:
        if entry == SNIPPETS:
            return {}
        if isinstance(entry, dict) and SNIPPETS in entry:
            return dict(entry[SNIPPETS] or {})
    return None


def relative_tag(folder: Path):
    """A YAML constructor for MkDocs' `!relative $config_dir/...` (other uses resolve to None)."""

    def construct(loader, node):
        value = loader.construct_scalar(node) if hasattr(node, "value") and isinstance(node.value, str) else ""
        return value.replace("$config_dir", str(folder)) if value.startswith("$config_dir") else None

    return construct
