"""Everything the MkDocs plugin does, as a plain class the plugin wires to MkDocs events.

Flow per build: configure (config, custom fences) -> collect (generate rule pages if asked,
extract and check every page's snippets, the report page if asked) -> render (the fence looks up
each result) -> finish (links, consistency) -> write report.json (if asked), log unexpected findings.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

from . import rulepages
from .batch import BatchStats, check_many
from .cachedir import cache_folder
from .checkcache import CheckCache
from .checker import SnippetResult, check_text
from .collect import allowed_roots, make_reader, with_dockerignore
from .config import Config, ConfigError, pinned
from .escape import terminal
from .fence import custom_fences
from .markdown import DOCKERFILE_LANGUAGES, extract
from .mdguard import ContainSnippets
from .pagecache import cached_rule_pages
from .registry import RuleSet
from .report import Report, page_finding
from .report.html import RULE_LINK, report_page
from .report.json import as_dict
from .claims import render_claims
from .measured import MeasurementsError
from .report.sizes import render_sizes
from .run import build_examples, current_measurements, with_claims
from .site_setup import REPORT_PAGE, superfences_settings
from .snippets import Location, Problem


class SiteChecks:
    def __init__(self, logger) -> None:
        self.log = logger
        # Results of unchanged snippets survive `mkdocs serve` rebuilds; dropped when config changes.
        self.cache: dict = {}
        self.cache_config: Config | None = None
        self.reset()

    def reset(self) -> None:
        self.config = Config()
        self.ruleset = RuleSet()
        self.report: Report | None = None
        self.by_page: dict[str, list[SnippetResult]] = defaultdict(list)
        self.queue: list[SnippetResult] | None = None
        self.current_page: str | None = None
        self.unreadable: list[Problem] = []  # pages that are not UTF-8: reported, not checked
        self.rendered = 0
        self.mismatches: list[str] = []
        self.measurements: dict = {}
        self.stats = BatchStats()

    # -- configure ---------------------------------------------------------------------------
    def configure(self, mkdocs_config, config: Config, include_bases: list[Path] | None) -> None:
        """Take the settings, reset per-build state and register the Dockerfile fences.

        `include_bases`: folders `--8<--` includes are read from (None: the site expands none)."""
        self.reset()
        self.root = Path(mkdocs_config.config_file_path).resolve().parent
        self.docs_dir = Path(mkdocs_config.docs_dir).resolve()
        self.config = pinned(config)  # today's date, read once per build (end-of-life rule)
        self.include_bases = include_bases
        self.roots = allowed_roots(self.root, include_bases or [], (self.docs_dir,))
        self.ruleset = RuleSet(self.config)
        if (self.config, include_bases) != self.cache_config:
            self.cache, self.cache_config = {}, (self.config, include_bases)
        ours = custom_fences(self.result_for, show=config.show, highlight_failing_lines=config.highlight_failing_lines,
                             link_rules=config.rule_pages)
        ours.append({"name": "measured-sizes", "class": "measured-sizes",  # the size table and chart
                     "format": lambda src, *args, **kwargs: render_sizes(src, self.measurements)})
        names = {f["name"] for f in ours}
        for superfences in superfences_settings(mkdocs_config.markdown_extensions, mkdocs_config.mdx_configs):
            kept = [f for f in superfences.get("custom_fences", [])
                    if str(f.get("name", "")).lower() not in DOCKERFILE_LANGUAGES and f.get("name") not in names]
            superfences["custom_fences"] = kept + ours
        # pymdownx.snippets itself follows symlinks out of its base paths: hold it to our roots.
        extensions = [e for e in mkdocs_config.markdown_extensions if not isinstance(e, ContainSnippets)]
        mkdocs_config.markdown_extensions = extensions + [ContainSnippets(self.roots, self.config.max_file_bytes)]

    # -- collect and check -------------------------------------------------------------------
    def page_sources(self, files) -> dict[str, str]:
        """src_uri -> Markdown of each page; a page that is not UTF-8 becomes a DG009 finding
        naming it (MkDocs then reports it too), instead of a traceback without its name."""
        pages = {}
        for f in files:
            try:
                pages[f.src_uri] = f.content_string
            except UnicodeDecodeError as exc:
                line = (f.content_bytes[: exc.start].count(b"\n") + 1) if f.content_bytes else 1
                self.unreadable.append(Problem("DG009", f"{f.src_uri!r} is not UTF-8 text (line {line}, byte "
                                                        f"{exc.start})", Location(self.display(f.src_uri), line)))
        return pages

    def generated_pages(self, has_page=lambda path: True) -> dict[str, str]:
        """Rule pages (when asked for); `has_page` says which guide pages a rule may link to."""
        if not self.config.rule_pages:
            return {}
        folder = cache_folder("pages", self.config.cache_dir) if self.config.cache else None
        return cached_rule_pages(self.ruleset.all, has_page, folder)

    def check_pages(self, pages: dict[str, str], page_url_for) -> str:
        """Check the Markdown of every page (src_uri -> text); return the report page Markdown."""
        bases = self.include_bases
        reader = None if bases is None else make_reader(bases, self.root, self.roots, self.config.max_file_bytes)
        snippets, pages_of = [], []
        problems = [page_finding(p, self.ruleset) for p in self.unreadable]
        for src_uri, text in pages.items():
            found, page_problems = extract(self.display(src_uri), text, reader, self.ruleset.ids,
                                           max_page_bytes=self.config.max_page_bytes)
            snippets.extend(found if reader is None else (with_dockerignore(snippet, reader) for snippet in found))
            pages_of.extend(src_uri for _ in found)
            problems.extend(page_finding(p, self.ruleset) for p in page_problems)
        results, self.stats = check_many(snippets, self.ruleset, self.config, CheckCache.for_config(self.config),
                                         memo=self.cache)
        self.report = Report(tuple(results), tuple(problems), self.config)
        if self.config.build:
            self._build_examples()
        self._check_claims(pages)
        for src_uri, result in zip(pages_of, self.report.results):
            self.by_page[src_uri].append(result)
        for finding in self.report.failing:
            self.log.warning(terminal(f"{finding.file}:{finding.line}: {finding.rule} {finding.severity}: "
                                      f"{finding.message}"))
        return report_page(self.report, page_url_for, link_rules=self.config.rule_pages)

    def _build_examples(self) -> None:
        from .builder.model import EngineError
        from .builder.progress import for_log

        try:
            progress = for_log(self.log.info, quiet=self.config.quiet)
            self.report, summary = build_examples(self.report, self.root, progress=progress)
        except (EngineError, FileNotFoundError, ConfigError) as exc:
            self.log.warning(f"real build requested (build: true) but not possible: {exc}")
            return
        # A few lines, never one per example: the details are in the report page and report.json.
        for line in summary.splitlines():
            if not line.startswith("  ") or line.startswith("  ("):
                self.log.info(terminal(line.strip()))

    def _check_claims(self, pages: dict[str, str]) -> None:
        """Numbers declared as measured in the text, against the measurements (DG016)."""
        try:
            self.measurements = current_measurements(self.report, self.root)
        except MeasurementsError as exc:
            self.log.warning(str(exc))
            return
        marked = {self.display(src): text for src, text in pages.items() if "measured=" in text}
        self.report = with_claims(self.report, marked, self.measurements, self.ruleset)

    def page_markdown(self, markdown: str) -> str:
        """The page with measured-number markers replaced by the number and its measurement."""
        return render_claims(markdown, self.measurements) if "measured=" in markdown else markdown

    def display(self, src_uri: str) -> str:
        path = self.docs_dir / src_uri
        if path.is_file():
            return os.path.relpath(path, self.root)
        return f"{os.path.relpath(self.docs_dir, self.root)}/{src_uri} (generated)"

    # -- render ------------------------------------------------------------------------------
    def start_page(self, src_uri: str) -> None:
        self.current_page = src_uri
        self.queue = list(self.by_page.get(src_uri, []))

    def result_for(self, src: str, options: dict | None = None) -> SnippetResult:
        """The precomputed result for the fence the renderer is formatting now."""
        self.rendered += 1
        if self.queue is not None:
            wanted = _normal(src)
            for i, result in enumerate(self.queue):
                if _normal(result.snippet.text) == wanted:
                    return self.queue.pop(i)
        self.mismatches.append(f"{self.current_page}: a Dockerfile fence was rendered that the checker did not "
                               f"find; checked on its own, without line numbers")
        return check_text(src, self.ruleset, self.config, path=self.current_page or "unknown")

    def finish_page(self, html: str, page_url: str) -> str:
        from mkdocs.utils import get_relative_url

        if self.queue:
            self.mismatches.append(f"{self.current_page}: {len(self.queue)} checked snippet(s) were not rendered "
                                   f"as code blocks")
        self.queue = None
        if RULE_LINK not in html or not self.config.rule_pages:
            return html
        return re.sub(f'href="{re.escape(RULE_LINK)}(DG\\d{{3}})"', lambda m: 'href="{}"'.format(
            get_relative_url(rulepages.page_path(m.group(1))[:-3] + "/", page_url)), html)

    # -- report ------------------------------------------------------------------------------
    def finish_build(self, site_dir: str) -> None:
        for message in self.mismatches:
            self.log.warning(message)
        if self.report is None:
            return
        if self.config.report_page:
            data = as_dict(self.report)
            data["summary"]["rendered_blocks"] = self.rendered
            data["summary"]["cost"] = self.stats.as_dict()
            out = Path(site_dir) / "checks" / "report.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            # compact: json's C encoder only runs without indent (indenting a big report costs ~10x)
            out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        s = self.report.summary()
        self.log.info(f"checked {s['snippets']} Dockerfile snippets: {s['pass']} passed, {s['expected']} bad "
                      f"examples as declared, {s['fail']} failed, {s['skipped']} skipped ({self.stats.checked} checked now, "
                      f"{self.stats.reused} reused from the cache)")


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


__all__ = ["SiteChecks", "ConfigError", "REPORT_PAGE"]
