"""What the MkDocs plugin reads from, and adds to, a site's own configuration (pure functions).

The Markdown extensions the site already uses (SuperFences is required; pymdownx.snippets'
`base_path` says where includes come from) and the navigation entries for generated pages.
"""

from __future__ import annotations

from pathlib import Path

from .config import ConfigError
from .mkdocs_yml import switched_on
from .wholenumbers import version_key

SUPERFENCES = "pymdownx.superfences"
EXTRA = "pymdownx.extra"  # bundles SuperFences, with its own settings
SNIPPETS = "pymdownx.snippets"
RULES_INDEX = "rules/index.md"
REPORT_PAGE = "checks/index.md"


def require_superfences(extensions: list) -> None:
    """SuperFences renders the Dockerfile blocks; without it nothing could show a result."""
    if SUPERFENCES not in extensions and EXTRA not in extensions:
        raise ConfigError(
            "snipcheck needs the pymdownx.superfences Markdown extension to render Dockerfile blocks. "
            "Add it to mkdocs.yml:\n\nmarkdown_extensions:\n  - pymdownx.superfences\n")


PYGMENTS_MIN = (2, 12)


def require_pygments(mdx_configs: dict, pygments_version: str | None) -> None:
    """pymdownx.highlight refuses a Pygments older than 2.12, and SuperFences then renders every
    fenced block of the site, in every language, as inline text, without a warning (an old Pygments
    pinned next to the pymdown-extensions this package needs). `pygments_version` None: no Pygments."""
    if pygments_version is None or mdx_configs.get("pymdownx.highlight", {}).get("use_pygments", True) is False:
        return
    if version_key(pygments_version)[:2] < PYGMENTS_MIN:
        raise ConfigError(
            f"Pygments {pygments_version} is too old for pymdownx.highlight, which needs 2.12 or newer: every "
            f"code block of the site would render as inline text. Upgrade it: pip install 'Pygments>=2.12'")


def superfences_settings(extensions: list, mdx_configs: dict) -> list[dict]:
    """The SuperFences settings our fences go into: pymdownx.superfences' own and, when the site
    loads pymdownx.extra, the copy nested in it (the one that wins when both are loaded)."""
    found = []
    if SUPERFENCES in extensions:
        found.append(mdx_configs.setdefault(SUPERFENCES, {}))
    if EXTRA in extensions:
        found.append(mdx_configs.setdefault(EXTRA, {}).setdefault(SUPERFENCES, {}))
    return found


def include_bases(extensions: list, mdx_configs: dict, cwd: Path) -> list[Path] | None:
    """Folders `--8<--` includes are read from, as pymdownx.snippets resolves them (relative
    `base_path` entries against the working directory; default "."), or None without the extension."""
    if SNIPPETS not in extensions:
        return None
    base = (mdx_configs.get(SNIPPETS) or {}).get("base_path", ["."])
    paths = [base] if isinstance(base, str) else list(base)
    return [(cwd / p).resolve() for p in paths]


def downloads_urls(extensions: list, mdx_configs: dict) -> bool:
    """Does the site's pymdownx.snippets download the includes that are URLs (its `url_download`)?"""
    return SNIPPETS in extensions and switched_on((mdx_configs.get(SNIPPETS) or {}).get("url_download", False))


def folders_to_watch(bases: list[Path], docs_dir: Path, watched: list[str]) -> list[Path]:
    """Include folders `mkdocs serve` should watch: existing ones outside docs_dir not yet watched."""
    seen = {Path(w).resolve() for w in watched}
    out = []
    for base in bases:
        if base.is_dir() and base not in seen and docs_dir not in (base, *base.parents) \
                and base not in docs_dir.parents:
            out.append(base)
    return out


def nav_with(nav: list | None, rule_pages: list[str] | None, report: bool) -> list | None:
    """The site's nav with the generated pages reachable: rule pages as a section where the nav
    names rules/index.md (else appended), the report page appended unless already listed.
    A site without a nav (None) lists every page by itself."""
    if nav is None:
        return None
    nav = list(nav)
    if rule_pages and not _mentions(nav, rule_pages[0]):  # not twice: a nested build (i18n) comes back
        section = {"Rule reference": [RULES_INDEX, *rule_pages]}
        if not _replace(nav, RULES_INDEX, section):
            nav.append(section)
    if report and not _mentions(nav, REPORT_PAGE):
        nav.append({"Check report": REPORT_PAGE})
    return nav


def _replace(items: list, target: str, section: dict) -> bool:
    """Replace the entry that points at `target` by `section` (keeping its title), in place."""
    for i, item in enumerate(items):
        if item == target:
            items[i] = section
            return True
        if isinstance(item, dict):
            for title, value in item.items():
                if value == target:
                    items[i] = {title: next(iter(section.values()))}
                    return True
                if isinstance(value, list):
                    inner = list(value)
                    if _replace(inner, target, section):
                        items[i] = {**item, title: inner}
                        return True
    return False


def _mentions(items, target: str) -> bool:
    if items == target:
        return True
    if isinstance(items, list):
        return any(_mentions(i, target) for i in items)
    if isinstance(items, dict):
        return any(_mentions(v, target) for v in items.values())
    return False
