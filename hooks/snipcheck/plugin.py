"""The MkDocs plugin `snipcheck` (`plugins: - snipcheck`): wiring only.

Options come from the `Config` dataclass (see plugin_options); the work is done by
`snipcheck.site.SiteChecks`, which tests and the CLI reach without MkDocs.
"""

from __future__ import annotations

import os
from .records import replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File

from . import rulepages, site_setup
from .config import Config, ConfigError, from_environment
from .plugin_options import PluginConfig
from .site import SiteChecks

log = get_plugin_logger("snipcheck")
CSS = "assets/stylesheets/snipcheck.css"
# The report page's Markdown until every result is in (its page renders last: it is added last).
REPORT_PENDING = "# Check report\n\nThe checks of this build are still running.\n"


class WarningsOnce:
    """The plugin's logger, with each warning logged once per command's build.

    mkdocs-static-i18n builds every other language inside the first build (from its on_post_build),
    and each of those builds renders the untranslated pages again: their findings would be logged
    once per language. `new_build` starts a command's build; nested builds share its record."""

    def __init__(self, logger) -> None:
        self.logger = logger
        self.logged: set[str] = set()

    def new_build(self) -> None:
        self.logged.clear()

    def warning(self, message: str, *args, **kwargs) -> None:
        text = message % args if args else message  # as logging formats it
        if text not in self.logged:
            self.logged.add(text)
            self.logger.warning(text, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.logger, name)


class SnipcheckPlugin(BasePlugin[PluginConfig]):
    """Checks every Dockerfile the site renders; shows results under the blocks as configured."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.log = WarningsOnce(log)
        self.checks = SiteChecks(self.log)  # kept across `mkdocs serve` rebuilds (results cache)
        self.user_options: dict = {}
        # A build that starts while this one's post_build event runs is nested in it: mkdocs-static-i18n
        # builds the other languages there. (Not a count of builds begun and ended: a tool that runs
        # only the config event would leave it unbalanced, and every later build would look nested.)
        self.finishing = False
        self.outer: list[SiteChecks] = []  # the checks of the builds a nested build runs inside
        self.nested = False  # a build ran inside this command's build: summaries name their language

    def load_config(self, options, config_file_path=None):
        self.user_options = dict(options or {})  # what the site set (defaults do not override extra)
        return super().load_config(options, config_file_path)

    def on_startup(self, *, command, dirty) -> None:
        """Present so MkDocs keeps one plugin object for all `mkdocs serve` rebuilds."""

    def on_config(self, config):
        if self.finishing:  # mkdocs-static-i18n builds the other languages inside the first build
            self.outer.append(self.checks)
            self.checks = self.checks.for_nested_build()
            self.nested = True
        else:
            self.log.new_build()
            self.outer.clear()
            self.nested = False
        try:
            site_setup.require_superfences(config.markdown_extensions)
            site_setup.require_pygments(config.mdx_configs, _pygments_version())
            settings = self.settings(config)
            bases = self.include_bases(config, settings)
            if bases is not None:
                settings = replace(settings, snippets_base=tuple(str(b) for b in bases))
            self.checks.configure(config, settings, bases)
        except ConfigError as exc:
            raise PluginError(f"snipcheck: {exc}") from None
        if settings.show != "none" and CSS not in config.extra_css:
            config.extra_css.append(CSS)
        sections = rulepages.nav_sections(self.checks.ruleset.all) if settings.rule_pages else None
        config.nav = site_setup.nav_with(config.nav, sections, settings.report_page)
        return config

    def settings(self, config) -> Config:
        """defaults < extra.snipcheck (deprecated) < plugin options < SNIPCHECK_* environment."""
        settings = Config()
        legacy = (config.extra or {}).get("snipcheck")
        if legacy:
            log.info("extra.snipcheck in mkdocs.yml is deprecated (it still works): move its keys under "
                     "`plugins: - snipcheck:`")
            settings = settings.with_values(legacy, "mkdocs.yml: extra.snipcheck")
        chosen = {k: self.config[k] for k in self.user_options if k in self.config}
        return from_environment(settings.with_values(chosen, "mkdocs.yml: plugins.snipcheck"))

    def include_bases(self, config, settings: Config) -> list[Path] | None:
        """snippets_base if the site set it (relative to mkdocs.yml), else pymdownx.snippets' base_path."""
        if "snippets_base" in self.user_options or "SNIPCHECK_SNIPPETS_BASE" in os.environ:
            root = Path(config.config_file_path).resolve().parent
            return [root / b for b in settings.snippets_base]
        return site_setup.include_bases(config.markdown_extensions, config.mdx_configs, Path.cwd())

    @event_priority(-110)  # after plugins that choose the pages (mkdocs-static-i18n, at -100): check those
    def on_files(self, files, config):
        self.checks.language = str(config.theme.get("language") or "")  # i18n has set this build's by now
        # The rule and report pages of a nested language build go to its folder, as its own pages do.
        self.checks.folder = _language_folder(files, self.checks.language) if self.outer else ""
        present = {f.src_uri for f in files.documentation_pages()}
        for src_uri, content in self.checks.generated_pages(present.__contains__).items():
            files.append(self._generated(config, src_uri, content))
        self.checks.rule_urls = {rule.id: f.url for rule in self.checks.ruleset.all
                                 if (f := files.get_file_from_path(rulepages.page_path(rule.id))) is not None}
        if self.checks.config.show != "none" and files.get_file_from_path(CSS) is None:
            # Backed by the package's own file, not by content: plugins that read every file's
            # abs_src_path (mkdocs-static-i18n) fail on a file that has none.
            files.append(File.generated(config, CSS, abs_src_path=str(Path(__file__).parent / "assets" / "snipcheck.css")))
        pages = self.checks.page_sources(files.documentation_pages())
        links = self._report_links(files, config) if self.checks.config.report_page else {}
        report = self.checks.check_pages(pages, links.get)
        if self.checks.config.report_page:  # its Markdown comes when every result is in (see page_markdown)
            files.append(self._generated(config, site_setup.REPORT_PAGE, report or REPORT_PENDING))
        return files

    def _generated(self, config, src_uri: str, content: str) -> File:
        """A page of ours (rules, report), in the language folder of a nested build (`fr/`)."""
        file = File.generated(config, src_uri, content=content)
        if self.checks.folder:
            file.dest_uri = self.checks.folder + file.dest_uri  # its url follows (computed from it)
        return file

    def _report_links(self, files, config) -> dict[str, str]:
        """Each page's path relative to the report page, as MkDocs gives the page its URL (not yet
        percent-encoded: the report encodes it), by the display path the report names the page by."""
        from urllib.parse import unquote

        from mkdocs.utils import get_relative_url

        report_url = self._generated(config, site_setup.REPORT_PAGE, "").url
        return {self.checks.display(f.src_uri): unquote(get_relative_url(f.url, report_url))
                for f in files.documentation_pages()}

    def on_page_markdown(self, markdown, page, config, files):
        self.checks.start_page(page.file.src_uri)
        # numbers declared as measured, shown with their source; the report page, complete
        return self.checks.page_markdown(markdown, page.file.src_uri)

    def on_page_content(self, html, page, config, files):
        return self.checks.finish_page(html, page.url)

    @event_priority(-100)  # after search plugins took page.content for their index (in this event)
    def on_page_context(self, context, page, config, nav):
        page.content = self.checks.place_boxes(page.content, page.url)  # the content, not the whole page
        return context

    @event_priority(100)  # before plugins that rewrite the page (minifiers drop HTML comments)
    def on_post_page(self, output, page, config):
        self.checks.written.add(page.file.abs_dest_path)
        return self.checks.place_boxes(output, page.url)  # a placeholder left: another page's excerpt

    @event_priority(100)  # before every other plugin's post_build (i18n's nested builds at -100)
    def _post_build_begins(self, config):
        self.finishing = True

    # After plugins that write pages of their own when the build ends (print-site, at -100), and
    # after mkdocs-static-i18n (-100) built the other languages in this event.
    @event_priority(-110)
    def _post_build_ends(self, config):
        for url in self.checks.place_boxes_in_files(config.site_dir):
            log.debug(f"snipcheck: result boxes placed in {url}, which another plugin wrote")
        language = self.checks.language if self.nested else ""  # i18n: one summary a language
        self.checks.finish_build(config.site_dir, f"language {language}" if language else "")
        self._build_ended()

    on_post_build = CombinedEvent(_post_build_begins, _post_build_ends)

    def on_build_error(self, error):
        self.checks.abandon()
        self._build_ended()

    def _build_ended(self) -> None:
        """Back to the build this one ran inside, still in its post_build event; or, for the
        outermost build, done (a failed build ends here too)."""
        if self.outer:
            self.checks = self.outer.pop()
        else:
            self.finishing = False

    def on_serve(self, server, config, builder):
        bases = self.checks.include_bases or []
        for folder in site_setup.folders_to_watch(bases, Path(config.docs_dir).resolve(), config.watch):
            server.watch(str(folder))
        return server


def _pygments_version() -> str | None:
    try:
        from pygments import __version__
    except ImportError:
        return None
    return __version__


def _language_folder(files, language: str) -> str:
    """The folder a nested build of mkdocs-static-i18n writes every page to (`fr/`), or ''."""
    pages = files.documentation_pages()
    folder = f"{language}/"
    return folder if language and pages and all(f.dest_uri.startswith(folder) for f in pages) else ""
