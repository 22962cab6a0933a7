"""The benchmark's "same site without the checker" must really be without it, and the same site.

`make bench` compares a build with the checker against this baseline. Until session 6 the baseline
still ran the checker (the config edit only removed `hooks:`, and the checker is a plugin now), and
its Dockerfile fences kept our options, which SuperFences' plain fence rejects, so they did not even
render as code. These tests pin the two text edits; tools/bench.py also refuses a verdict when the
built sites differ in pages or Dockerfile blocks, or the baseline shows a result box.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from benchkit import config_without_checker, with_nav, without_fence_options  # noqa: E402


def test_this_guides_config_loses_the_plugin_and_its_options_only():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stripped = config_without_checker(text)
    assert "- snipcheck" not in stripped
    assert "show: all" not in stripped and "rule_pages:" not in stripped
    assert "  - search\n" in stripped
    removed = set(text.splitlines()) - set(stripped.splitlines())
    assert all(line.startswith("  - snipcheck") or line.startswith("      ") or not line.strip() for line in removed)


@pytest.mark.parametrize("config, left", [
    ("plugins:\n  - search\n  - snipcheck\n  - tags\n", "plugins:\n  - search\n  - tags\n"),
    ("plugins:\n  - snipcheck:  # ours\n      show: all\n\n      fail_on: error\n  - tags\nnav: []\n",
     "plugins:\n  - tags\nnav: []\n"),
    ("hooks:\n  - hooks/snipcheck_hook.py\nplugins:\n  - snipcheck\ntheme: material\n",
     "hooks: []\nplugins: []\ntheme: material\n"),
])
def test_plugin_entry_and_deprecated_hook_are_removed(config, left):
    assert config_without_checker(config) == left


def test_a_mention_it_cannot_remove_stops_the_bench():
    with pytest.raises(SystemExit, match="could not remove"):
        config_without_checker("plugins: [search, snipcheck]\n")


def test_a_plugin_with_a_longer_name_is_kept():
    assert config_without_checker("plugins:\n  - snipcheck-extra\n") == "plugins:\n  - snipcheck-extra\n"


def test_fences_lose_our_options_and_keep_highlighting_ones():
    page = ('Text with expect="DG101" stays.\n\n'
            '```dockerfile title="Dockerfile" expect="DG110 DG301" dockerignore="app/.dockerignore"\nFROM a\n```\n\n'
            '    ```Dockerfile fragment hl_lines="2"\n    RUN b\n    ```\n\n'
            '> ~~~containerfile no_tls skip=\'newer syntax\' network="build"\n> FROM c\n> ~~~\n\n'
            '```bash expect="x" fragment\necho\n```\n')
    assert without_fence_options(page) == (
        'Text with expect="DG101" stays.\n\n'
        '```dockerfile title="Dockerfile"\nFROM a\n```\n\n'
        '    ```Dockerfile hl_lines="2"\n    RUN b\n    ```\n\n'
        '> ~~~containerfile\n> FROM c\n> ~~~\n\n'
        '```bash expect="x" fragment\necho\n```\n')


def test_the_checkers_nav_replaces_the_sites_nav():
    text = "site_name: x\nnav:\n  - Home: index.md\n  - Rules: rules/index.md\n\ntheme: material\n"
    nav = [{"Home": "index.md"}, {"Rules": ["rules/index.md", "rules/dg101.md"]}]
    out = with_nav(text, nav)
    assert "  - Home: index.md" not in out and out.count("nav:") == 1
    import yaml

    assert yaml.safe_load(out)["nav"] == nav
    assert with_nav(text, None) == text
