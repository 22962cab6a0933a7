"""Deprecated MkDocs hook, kept so sites with `hooks: - hooks/snipcheck_hook.py` keep working.

Use the plugin instead: `plugins: - snipcheck`. This file forwards every event to it (settings
from `extra.snipcheck`), and does nothing when the plugin is enabled as well.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from snipcheck.plugin import SnipcheckPlugin

log = get_plugin_logger("snipcheck")
plugin = SnipcheckPlugin()
plugin.load_config({})
active = True


def on_config(config):
    global active
    active = "snipcheck" not in config.plugins
    if not active:
        return config
    log.info("hooks/snipcheck_hook.py is deprecated (it still works): use `plugins: - snipcheck` in mkdocs.yml")
    return plugin.on_config(config)


def on_files(files, config):
    return plugin.on_files(files, config) if active else files


def on_page_markdown(markdown, page, config, files):
    return plugin.on_page_markdown(markdown, page, config, files) if active else markdown


def on_page_content(html, page, config, files):
    return plugin.on_page_content(html, page, config, files) if active else html


def on_post_build(config):
    if active:
        plugin.on_post_build(config)


def on_serve(server, config, builder):
    return plugin.on_serve(server, config, builder) if active else server
