"""MkDocs hook: wires snipcheck into `mkdocs build` and `mkdocs serve`. Wiring only; the work is
in snipcheck.site.SiteChecks, which is also reachable from the CLI and tests without MkDocs."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from snipcheck.site import REPORT_PAGE, ConfigError, SiteChecks

log = get_plugin_logger("snipcheck")
checks = SiteChecks(log)  # module state survives `mkdocs serve` rebuilds; reset in on_config


def on_config(config):
    try:
        checks.configure(config)
    except ConfigError as exc:
        raise PluginError(f"snipcheck: {exc}") from None
    return config


def on_files(files, config):
    for src_uri, content in checks.generated_pages().items():
        files.append(File.generated(config, src_uri, content=content))
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    # The report page links each snippet's page; report rows name pages by their display path.
    links = {checks.display(src_uri): "../" + src_uri for src_uri in pages}
    report = checks.check_pages(pages, links.get)
    files.append(File.generated(config, REPORT_PAGE, content=report))
    return files


def on_page_markdown(markdown, page, config, files):
    checks.start_page(page.file.src_uri)
    return checks.page_markdown(markdown)


def on_page_content(html, page, config, files):
    return checks.finish_page(html, page.url)


def on_post_build(config):
    checks.finish_build(config.site_dir)


def on_serve(server, config, builder):
    server.watch(str(checks.root / "snippets"))
    return server
