"""Everything the MkDocs hook does, as a plain class the hook file wires to MkDocs events.

Flow per build: configure (config, custom fences) -> collect (generate rule pages, extract and
check every page's snippets, generate the report page) -> render (the fence looks up each
result) -> finish (links, consistency) -> write report.json and log unexpected findings.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

from . import rulepages
from .batch import BatchStats, check_many
from .checkcache import CheckCache
from .checker import SnippetResult, check_text
from .collect import make_reader, with_dockerignore
from .config import Config, ConfigError, from_environment
from .fence import custom_fences
from .markdown import extract
from .registry import RuleSet
from .report import Report, page_finding
from .report.html import RULE_LINK, report_page
from .report.json import as_dict
from .run import build_examples, snippet_bases

REPORT_PAGE = "checks/index.md"


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
        self.rendered = 0
        self.mismatches: list[str] = []
        self.stats = BatchStats()

    # -- configure ---------------------------------------------------------------------------
    def configure(self, config) -> None:
        """Read `extra.snipcheck`, reset per-build state and register the Dockerfile fences."""
        self.reset()
        self.root = Path(config.config_file_path).resolve().parent
        self.docs_dir = Path(config.docs_dir).resolve()
        values = (config.extra or {}).get("snipcheck") or {}
        self.config = from_environment(Config().with_values(values, "mkdocs.yml: extra.snipcheck"))
        self.ruleset = RuleSet(self.config)
        if self.config != self.cache_config:
            self.cache, self.cache_config = {}, self.config
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        fences = [f for f in superfences.get("custom_fences", []) if f.get("name") not in ("dockerfile", "Dockerfile",
                                                                                             "docker")]
        superfences["custom_fences"] = fences + custom_fences(self.result_for)

    # -- collect and check -------------------------------------------------------------------
    def generated_pages(self) -> dict[str, str]:
        return rulepages.rule_pages(self.ruleset.all)

    def check_pages(self, pages: dict[str, str], page_url_for) -> str:
        """Check the Markdown of every page (src_uri -> text); return the report page Markdown."""
        reader = make_reader(snippet_bases(self.root, self.config), self.root)
        snippets, problems, pages_of = [], [], []
        for src_uri, text in pages.items():
            found, page_problems = extract(self.display(src_uri), text, reader, self.ruleset.ids)
            snippets.extend(with_dockerignore(snippet, reader) for snippet in found)
            pages_of.extend(src_uri for _ in found)
            problems.extend(page_finding(p, self.ruleset) for p in page_problems)
        results, self.stats = check_many(snippets, self.ruleset, self.config, CheckCache.for_config(self.config),
                                         memo=self.cache)
        self.report = Report(tuple(results), tuple(problems), self.config)
        if self.config.build:
            self._build_examples()
        for src_uri, result in zip(pages_of, self.report.results):
            self.by_page[src_uri].append(result)
        for finding in self.report.failing:
            self.log.warning(f"{finding.file}:{finding.line}: {finding.rule} {finding.severity}: {finding.message}")
        return report_page(self.report, page_url_for)

    def _build_examples(self) -> None:
        from .builder.model import EngineError
        from .builder.progress import for_log

        try:
            progress = for_log(self.log.info, quiet=self.config.quiet)
            self.report, summary = build_examples(self.report, self.root, progress=progress)
        except (EngineError, FileNotFoundError, ConfigError) as exc:
            self.log.warning(f"real build requested (build: true) but not possible: {exc}")
            return
        for line in summary.splitlines():
            self.log.info(line)

    def display(self, src_uri: str) -> str:
        path = self.docs_dir / src_uri
        if path.is_file():
            return os.path.relpath(path, self.root)
        return f"{os.path.relpath(self.docs_dir, self.root)}/{src_uri} (generated)"

    # -- render ------------------------------------------------------------------------------
    def start_page(self, src_uri: str) -> None:
        self.current_page = src_uri
        self.queue = list(self.by_page.get(src_uri, []))

    def result_for(self, src: str) -> SnippetResult:
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
        if RULE_LINK not in html:
            return html
        return re.sub(f'href="{re.escape(RULE_LINK)}(DG\\d{{3}})"', lambda m: 'href="{}"'.format(
            get_relative_url(rulepages.page_path(m.group(1))[:-3] + "/", page_url)), html)

    # -- report ------------------------------------------------------------------------------
    def finish_build(self, site_dir: str) -> None:
        for message in self.mismatches:
            self.log.warning(message)
        if self.report is None:
            return
        data = as_dict(self.report)
        data["summary"]["rendered_blocks"] = self.rendered
        data["summary"]["cost"] = self.stats.as_dict()
        out = Path(site_dir) / "checks" / "report.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        # compact: json's C encoder only runs without indent (indenting a big site's report costs ~10x)
        out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        s = self.report.summary()
        self.log.info(f"checked {s['snippets']} Dockerfile snippets: {s['pass']} passed, {s['expected']} bad "
                      f"examples as declared, {s['fail']} failed, {s['skipped']} skipped ({self.stats.checked} checked now, "
                      f"{self.stats.reused} reused from the cache)")


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


__all__ = ["SiteChecks", "ConfigError", "REPORT_PAGE"]
