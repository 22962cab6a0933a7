"""Everything the MkDocs plugin does, as a plain class the plugin wires to MkDocs events.

Flow per build: configure (config, custom fences) -> collect (generate rule pages if asked,
extract every page's snippets and start checking them) -> render (the fence looks up each result,
waiting for it if it is still being checked) -> complete (every result: the report, unexpected
findings logged, the report page if asked) -> finish (links, consistency) -> write report.json.

Checking runs beside the rendering in a forked process where it can (alongside.py); elsewhere, and
when the site's examples are built for real (they need every result first), it is done before the
first page renders, and complete follows at once.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

from . import rulepages
from .atomicfile import write_atomically
from .batch import Batch, BatchStats
from .cachedir import cache_folder
from .checkcache import CheckCache, checker_fingerprint
from .results import SnippetResult
from .collect import allowed_roots, make_reader, with_dockerignore
from .config import Config, ConfigError, pinned
from .escape import terminal
from .fence import check_fence_text, custom_fences, first_line
from .fencenames import DOCKERFILE_LANGUAGES
from .mdguard import ContainSnippets
from .pagecache import cached_rule_pages
from .registry import RuleSet
from .scancache import ScanCache
from .report import Report, blocks_note, page_finding
from .report.html import RULE_LINK, report_page, report_table
from .report.json import as_dict
from .claims import render_claims
from .measured import MeasurementsError
from .report.sizes import render_sizes
from .run import build_examples, current_measurements, with_claims
from .site_setup import REPORT_PAGE, downloads_urls, superfences_settings
from .snippets import Lines, Location, Problem


class SiteChecks:
    def __init__(self, logger) -> None:
        self.log = logger
        # Results of unchanged snippets survive `mkdocs serve` rebuilds; dropped when config changes.
        self.cache: dict = {}
        self.cache_config: tuple | None = None  # (settings, include folders, downloads) the memo was made for
        self.downloads = False  # the site's pymdownx.snippets downloads URL includes (url_download)
        self.language = ""  # the theme's language in this build (mkdocs-static-i18n sets one a build)
        self.folder = ""  # where a nested language build writes its pages ("fr/"): ours go there too
        self.reset()

    def for_nested_build(self) -> SiteChecks:
        """Checks for a build run inside this one's (mkdocs-static-i18n's other languages): state
        of its own, the results of unchanged snippets shared."""
        nested = SiteChecks(self.log)
        nested.cache, nested.cache_config = self.cache, self.cache_config
        return nested

    def reset(self) -> None:
        if getattr(self, "batch", None) is not None:
            self.batch.close()  # a build that ended without completing (serve's rebuild after an error)
        self.config = Config()
        self.ruleset = RuleSet()
        self.report: Report | None = None
        self.batch: Batch | None = None  # the results, as they come in (until complete)
        self.problems: list = []  # page findings (not snippets') of this build, for the report
        self.marked: dict[str, str] = {}  # pages with numbers declared as measured (display path -> text)
        self.page_url_for = None  # the report's links to pages
        self.by_page: dict[str, list[int]] = defaultdict(list)  # src_uri -> its snippets' indexes, in order
        self.queue: list[SnippetResult] | None = None
        self.current_page: str | None = None
        self.unreadable: list[Problem] = []  # pages that are not UTF-8: reported, not checked
        self.rendered = 0
        self.mismatches: list[str] = []
        self.unfound: list[SnippetResult] = []  # fences rendered that no page's Markdown holds, checked alone
        self.rewritten: list[tuple[SnippetResult, SnippetResult]] = []  # (as written, as rendered): templates, downloads
        self.measurements: dict = {}
        self.measurements_error: str | None = None
        self.report_markdown = ""
        self.stats = BatchStats()
        self.scan_stats = (0, 0)  # pages whose fences came from the scan cache, pages scanned
        # Result boxes wait outside the page content until the page is written (see box_placeholder).
        self.boxes: list[str] = []
        self.placed: set[int] = set()
        self.written: set[str] = set()  # paths of the pages written through on_post_page this build
        self.box_mark = f"<!--snipcheck-box-{os.urandom(8).hex()}-"
        self.root_mark = f"snipcheck-root-{os.urandom(8).hex()}/"  # a box's rule links: the site's root
        self.report_mark = f"<!--snipcheck-report-{os.urandom(8).hex()}-->"  # the report page's table goes there
        self.report_table = ""
        self.rule_urls: dict[str, str] = {}  # rule ID -> its page's URL in the site (set with the files)
        self._relative_urls: dict[tuple[str, str], str] = {}
        self._display: dict[str, str] = {}

    # -- configure ---------------------------------------------------------------------------
    def configure(self, mkdocs_config, config: Config, include_bases: list[Path] | None) -> None:
        """Take the settings, reset per-build state and register the Dockerfile fences.

        `include_bases`: folders `--8<--` includes are read from (None: the site expands none)."""
        self.reset()
        self.root = Path(mkdocs_config.config_file_path).resolve().parent
        self.docs_dir = Path(mkdocs_config.docs_dir).resolve()
        self.config = pinned(config)  # today's date, read once per build (end-of-life rule)
        self.include_bases = include_bases
        self.downloads = downloads_urls(mkdocs_config.markdown_extensions, mkdocs_config.mdx_configs)
        self.roots = allowed_roots(self.root, include_bases or [], (self.docs_dir,))
        self.ruleset = RuleSet(self.config)
        if (self.config, include_bases, self.downloads) != self.cache_config:
            self.cache, self.cache_config = {}, (self.config, include_bases, self.downloads)
        ours = custom_fences(self.result_for, show=config.show, highlight_failing_lines=config.highlight_failing_lines,
                             link_rules=config.rule_pages, place=self.box_placeholder, logger=self.log)
        ours.append({"name": "measured-sizes", "class": "measured-sizes",  # the size table and chart
                     "format": lambda src, *args, **kwargs: render_sizes(src, self.measurements)})
        names = {f["name"] for f in ours}
        for superfences in superfences_settings(mkdocs_config.markdown_extensions, mkdocs_config.mdx_configs):
            kept = [f for f in superfences.get("custom_fences", [])
                    if str(f.get("name", "")).lower() not in DOCKERFILE_LANGUAGES and f.get("name") not in names]
            superfences["custom_fences"] = kept + ours
        # pymdownx.snippets itself follows symlinks out of its base paths: hold it to our roots.
        extensions = [e for e in mkdocs_config.markdown_extensions if not isinstance(e, ContainSnippets)]
        mkdocs_config.markdown_extensions = extensions + [ContainSnippets(self.roots)]

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

    def check_pages(self, pages: dict[str, str], page_url_for) -> str | None:
        """Extract the snippets of every page (src_uri -> text) and start checking them. Returns the
        report page's Markdown, or None when the checks go on beside the rendering: complete() gives
        it then (through page_markdown, when the report page renders)."""
        bases = self.include_bases
        reader = None if bases is None else make_reader(bases, self.root, self.roots, self.config.max_file_bytes,
                                                        downloads=self.downloads)
        snippets = []
        problems = [page_finding(p, self.ruleset) for p in self.unreadable]
        scans = self.scan_cache(reader is not None)
        for src_uri, text in pages.items():
            found, page_problems = scans.extract(_extract, self.display(src_uri), text, reader,
                                                 known_rules=self.ruleset.ids, max_page_bytes=self.config.max_page_bytes)
            self.by_page[src_uri].extend(range(len(snippets), len(snippets) + len(found)))
            snippets.extend(found if reader is None else (with_dockerignore(snippet, reader) for snippet in found))
            problems.extend(page_finding(p, self.ruleset) for p in page_problems)
        scans.save()
        self.scan_stats = (scans.hits, scans.misses)
        self.problems, self.page_url_for = problems, page_url_for
        self.marked = {self.display(src): text for src, text in pages.items() if "measured=" in text}
        self.batch = Batch(snippets, self.ruleset, self.config, CheckCache.for_config(self.config, site=self.root),
                           memo=self.cache)
        if not self.config.build:  # measurements from this build's real builds only when it builds
            self._read_measurements()
            if self.batch.check_alongside():
                return None
        self.batch.check_now()  # serially, or in a pool when there are many (mkdocs serve, big sites)
        return self.complete()

    def complete(self) -> str:
        """Every result in: the report (with the real builds and the measured claims), its failing
        findings logged, the report page's table. Returns the report page's Markdown. Once a build."""
        if self.batch is None:
            return self.report_markdown
        self.stats = self.batch.stats
        self.report = Report(tuple(self.batch.results()), tuple(self.problems), self.config)
        self.batch = None
        if self.config.build:
            self._build_examples()
            self._read_measurements()
        self._check_claims()
        failing = set(self.report.failing)
        for item in self.report.listed_findings():  # as the CLI lists them: file lines, the blocks that show it
            if item.finding in failing:
                self._warn(item.finding, item.text + blocks_note(item))
        if self.config.report_page:
            self.report_table = report_table(self.report, self.page_url_for, link_rules=self.config.rule_pages)
        self.report_markdown = report_page(self.report, self.report_mark, link_rules=self.config.rule_pages)
        return self.report_markdown

    def abandon(self) -> None:
        """The build failed: stop checking what no page will show."""
        if self.batch is not None:
            self.batch.close()
            self.batch = None

    def scan_cache(self, includes: bool) -> ScanCache:
        """Where each page's extraction is kept between builds (with the check cache, under its folder)."""
        folder = cache_folder("scans", self.config.cache_dir) if self.config.cache else None
        fingerprint = checker_fingerprint(cache_folder("checks", self.config.cache_dir)) if folder else ""
        return ScanCache.for_site(folder, self.root, fingerprint, self.ruleset.ids, includes,
                                  self.config.max_page_bytes)

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

    def _read_measurements(self) -> None:
        """The measurements numbers declared as measured are shown with and checked against: the
        committed ones, with this build's real builds merged in (so, when it builds, after them)."""
        try:
            self.measurements = current_measurements(self.report or Report((), (), self.config), self.root)
            self.measurements_error = None
        except MeasurementsError as exc:
            self.measurements, self.measurements_error = {}, str(exc)

    def _check_claims(self) -> None:
        """Numbers declared as measured in the text, against the measurements (DG016)."""
        if self.measurements_error is not None:
            self.log.warning(self.measurements_error)
            return
        self.report = with_claims(self.report, self.marked, self.measurements, self.ruleset)

    def page_markdown(self, markdown: str, src_uri: str) -> str:
        """The page with measured-number markers replaced by the number and its measurement; the report
        page, once every result is in."""
        if src_uri == REPORT_PAGE and self.config.report_page:
            return self.complete()
        return render_claims(markdown, self.measurements) if "measured=" in markdown else markdown

    def display(self, src_uri: str) -> str:
        """A page as findings name it: its path from the site's root, or marked as generated."""
        shown = self._display.get(src_uri)
        if shown is None:
            path = self.docs_dir / src_uri
            if path.is_file():
                shown = os.path.relpath(path, self.root)
            else:
                shown = f"{os.path.relpath(self.docs_dir, self.root)}/{src_uri} (generated)"
            self._display[src_uri] = shown
        return shown

    # -- render ------------------------------------------------------------------------------
    def start_page(self, src_uri: str) -> None:
        self.current_page = src_uri
        batch = self.batch
        indexes = self.by_page.get(src_uri, [])
        self.queue = [batch.result(n) if batch is not None else self.report.results[n] for n in indexes]

    def result_for(self, src: str, options: dict | None = None) -> SnippetResult:
        """The precomputed result for the fence the renderer is formatting now."""
        self.rendered += 1
        if self.queue and _as_found(self.queue[0].snippet.text, src):  # the next fence: most often
            return self.queue.pop(0)
        if self.queue is not None:
            wanted = _normal(src)
            for i, result in enumerate(self.queue):
                if _normal(result.snippet.text) == wanted:
                    return self.queue.pop(i)
        if self.queue and (self.queue[0].snippet.downloads or _TEMPLATE.search(self.queue[0].snippet.text)):
            return self._as_rendered(self.queue.pop(0), src)
        # Not in the page's Markdown: another extension wrote it (markdown_include's {!file!}), or an
        # include the checker refused to read. Checked as rendered, with its own options.
        page = self.current_page or ""
        shown = self.display(page) if page else "(page unknown)"
        result = check_fence_text(src, options or {}, self.ruleset, self.config, shown)
        self.unfound.append(result)
        return result

    def _as_rendered(self, written: SnippetResult, src: str) -> SnippetResult:
        """The next fence checked as the reader sees it, at its place in the page: a template plugin
        (mkdocs-macros) filled its {{ ... }}, or pymdownx.snippets downloaded an include into it."""
        from .checker import check_snippet
        from .records import replace

        text = src if src.endswith("\n") else src + "\n"
        snippet = written.snippet
        if snippet.downloads or _reshaped(snippet.text, text):
            # Lines from a URL, or an include a template plugin expanded (include-markdown's
            # {% include %}), have no place in the page: each is at the fence, by its block line.
            snippet = replace(snippet, text=text, downloads=(), lines=Lines.of([snippet.fence] * text.count("\n")))
        else:
            snippet = replace(snippet, text=text)
        result = check_snippet(snippet, self.ruleset, self.config)
        self.rewritten.append((written, result))
        return result

    def finish_page(self, html: str, page_url: str) -> str:
        if self.queue:
            fences = ", ".join(str(r.snippet.fence) for r in self.queue)
            self.mismatches.append(f"{self.display(self.current_page or '')}: {len(self.queue)} checked snippet(s) "
                                   f"were not rendered as code blocks (the fences at {fences}; another extension "
                                   f"or plugin changed the page before rendering)")
        self.queue = None
        return self.rule_links(self.with_tables(html, self.current_page), page_url)

    def with_tables(self, html: str, src_uri: str | None) -> str:
        """The generated pages' tables, made as HTML and put in place of their marks after Python-Markdown
        (see report_table and rulepages.index_page)."""
        if src_uri == REPORT_PAGE and self.report_table:
            return html.replace(self.report_mark, self.report_table, 1)
        if src_uri == rulepages.INDEX_PAGE and self.config.rule_pages:
            return rulepages.shown_tables(html)
        return html

    def rule_links(self, html: str, page_url: str) -> str:
        """Rule links (RULE_LINK + ID) as links relative to the page at `page_url`, to the URL MkDocs gave
        the rule's page (`rules/dg302/` or, without directory URLs, `rules/dg302.html`)."""
        if RULE_LINK not in html or not self.config.rule_pages:
            return html
        return _RULE_LINK.sub(lambda m: f'href="{self._rule_url(m.group(1), page_url)}"', html)

    def _rule_url(self, rule_id: str, page_url: str) -> str:
        key = (rule_id, page_url)
        url = self._relative_urls.get(key)
        if url is None:
            from mkdocs.utils import get_relative_url

            url = self._relative_urls[key] = get_relative_url(self._rule_site_url(rule_id), page_url)
        return url

    def box_placeholder(self, box: str) -> str:
        """An HTML comment standing for a result box in the page content; place_boxes puts the box in
        the content once search plugins have taken it for their index, and in the written page where a
        placeholder is left (another page's excerpt). Search plugins (Material's, MkDocs') parse every
        tag of the page content, and parsing the boxes' tags cost more than all the checker's other
        work in a warm build, for boxes excluded from the index anyway. The mark is random per build:
        a page cannot write one.

        The box's rule links are resolved here to the rule pages' URLs under a root mark, which
        place_boxes replaces with the way back to the site's root from the page it writes."""
        if self.config.rule_pages and RULE_LINK in box:
            box = _RULE_LINK.sub(self._rooted_rule_link, box)
        self.boxes.append(box)
        return f"{self.box_mark}{len(self.boxes) - 1}-->"

    def _rooted_rule_link(self, match: re.Match) -> str:
        return f'href="{self.root_mark}{self._rule_site_url(match.group(1))}"'

    def _rule_site_url(self, rule_id: str) -> str:
        """The URL MkDocs gave the rule's page, from the site's root (its default before on_files)."""
        return self.rule_urls.get(rule_id, rulepages.page_path(rule_id)[:-3] + "/")

    def place_boxes(self, output: str, page_url: str) -> str:
        """The page's content or written page with each box placeholder replaced by its box (its rule
        links relative to this page). A page may show another page's boxes (a blog index showing a
        post's excerpt).

        Pages are big (a Material page of a 500-page site carries the whole nav: 230 KB), so the
        page is scanned once and copied once; text that only resembles a placeholder stays."""
        mark = self.box_mark
        found = output.find(mark)
        if found < 0:
            return output
        parts: list[str] = []
        kept = 0  # output[:kept] is in parts
        to_root = None
        while found >= 0:
            digits = found + len(mark)
            close = output.find("-->", digits, digits + 12)
            number = output[digits:close] if close >= 0 else ""
            if number.isdigit() and int(number) < len(self.boxes):
                if to_root is None:
                    to_root = _to_site_root(page_url)
                parts += (output[kept:found], self._box_on_page(int(number), page_url, to_root))
                kept = close + 3
            found = output.find(mark, max(kept, digits))
        parts.append(output[kept:])
        return "".join(parts)

    def _box_on_page(self, n: int, page_url: str, to_root: str) -> str:
        self.placed.add(n)
        box = self.boxes[n]
        if self.root_mark not in box:
            return box
        if page_url:  # a rule page's example linking to the page itself: as MkDocs writes it
            box = box.replace(f'{self.root_mark}{page_url}"', f'{_self_link(page_url)}"')
        return box.replace(self.root_mark, to_root)

    def place_boxes_in_files(self, site_dir: str) -> list[str]:
        """Boxes in HTML files that other plugins wrote themselves, not through on_post_page: a
        print-site page renders every page's content (with placeholders) into one file in its
        on_post_build. Only HTML files other than the pages in `self.written` are read, and
        only a file holding a placeholder is written again. Returns the files' paths in the site."""
        if not self.boxes:
            return []
        mark = self.box_mark.encode()
        placed = []
        for folder, _, names in os.walk(site_dir):
            for name in names:
                path = os.path.join(folder, name)
                if not name.endswith((".html", ".htm")) or path in self.written or os.path.islink(path):
                    continue
                try:
                    data = Path(path).read_bytes()
                    if mark not in data:
                        continue
                    url = Path(os.path.relpath(path, site_dir)).as_posix()
                    write_atomically(Path(path), self.place_boxes(data.decode("utf-8"), url))
                except (OSError, UnicodeDecodeError):
                    continue  # not ours to repair: the file stays as the other plugin wrote it
                placed.append(url)
        return placed

    # -- report ------------------------------------------------------------------------------
    def finish_build(self, site_dir: str, label: str = "") -> None:
        """The build's last words: warnings left, report.json, and the summary line, which says
        `label` when one command runs several builds (mkdocs-static-i18n: "language fr")."""
        self.complete()  # without a report page, the checks may still be coming in
        for message in self.mismatches:
            self.log.warning(message)
        self._report_rewritten()
        self._report_unfound()
        if len(self.placed) < len(self.boxes):
            self.log.warning(f"{len(self.boxes) - len(self.placed)} of {len(self.boxes)} result boxes did not reach "
                             f"a written page: a plugin that runs before snipcheck's on_post_page removed their "
                             f"placeholders (HTML comments)")
        if self.report is None:
            return
        if self.config.report_page:
            data = as_dict(self.report)
            data["summary"]["rendered_blocks"] = self.rendered
            data["summary"]["cost"] = self.stats.as_dict()
            data["summary"]["pages"] = {"fences_from_cache": self.scan_stats[0], "scanned": self.scan_stats[1]}
            out = Path(site_dir) / self.folder / "checks" / "report.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            # compact: json's C encoder only runs without indent (indenting a big report costs ~10x)
            out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        s = self.report.summary()
        label = f" ({label})" if label else ""
        self.log.info(f"checked {s['snippets']} Dockerfile snippets{label}: {s['pass']} passed, {s['expected']} bad "
                      f"examples as declared, {s['fail']} failed, {s['skipped']} skipped ({self.stats.checked} checked now, "
                      f"{self.stats.reused} reused from the cache){terminal(self._unfound_summary())}")

    def _report_rewritten(self) -> None:
        """Failing findings of fences a template plugin rendered, at their page lines; those the
        fence as written had too were logged with the others already."""
        for written, rendered in self.rewritten:
            before = {(f.rule, f.line, f.message) for f in written.failing}
            for f in rendered.failing:
                if (f.rule, f.line, f.message) in before:
                    continue
                if written.snippet.downloads:
                    self._warn(f, f"{f.message} (line {f.snippet_line} of the block as rendered, with "
                                  f"{', '.join(written.snippet.downloads)} downloaded by pymdownx.snippets)")
                elif _reshaped(written.snippet.text, rendered.snippet.text):
                    self._warn(f, f"{f.message} (line {f.snippet_line} of the block as {TEMPLATED})")
                else:
                    self._warn(f, f"{f.message} (as {TEMPLATED})")

    def _warn(self, finding, text: str) -> None:
        """A failing finding in the build log: `file:line: RULE severity: text`."""
        self.log.warning(terminal(f"{finding.file}:{finding.line}: {finding.rule} {finding.severity}: {text}"))

    def _report_unfound(self) -> None:
        """Fences rendered that no page's Markdown holds, as the checker read it: their failing
        findings as warnings, naming the page, the fence's first line and the line in the fence
        (the page's own line is not known)."""
        for result in self.unfound:
            first = first_line(result.snippet.text)
            for finding in result.failing:
                self.log.warning(terminal(
                    f"{result.snippet.page}: {finding.rule} {finding.severity}: {finding.message} (line "
                    f"{finding.snippet_line} of the Dockerfile fence `{first}`, which is not in the page's "
                    f"Markdown as the checker read it: another extension wrote it, such as markdown_include's "
                    f"{{!file!}}, or an include the checker did not read)"))

    def _unfound_summary(self) -> str:
        """The summary's clauses on fences checked as rendered ('' when there were none)."""
        templated = ""
        for downloaded, what in ((False, "rendered by a template plugin (mkdocs-macros, include-markdown)"),
                                 (True, "with an include pymdownx.snippets downloads (url_download)")):
            group = [rendered for written, rendered in self.rewritten if bool(written.snippet.downloads) == downloaded]
            if group:
                failed = sum(rendered.status == "fail" for rendered in group)
                templated += f"; {len(group)} of them {what}, checked as rendered too: {failed} failed"
        if not self.unfound:
            return templated
        pages = sorted({result.snippet.page for result in self.unfound})
        failed = sum(result.status == "fail" for result in self.unfound)
        more = f" and {len(pages) - 3} more page(s)" if len(pages) > 3 else ""
        return (f"{templated}; {len(self.unfound)} more on {', '.join(pages[:3])}{more}, not in the pages' "
                f"Markdown (written by another extension, such as markdown_include's {{!file!}}), checked as "
                f"rendered: {failed} failed")


TEMPLATED = "a template plugin rendered it, such as mkdocs-macros' {{ ... }} or include-markdown's {% include %}"


def _reshaped(written: str, rendered: str) -> bool:
    """Whether a template plugin changed the number of lines of a block: its lines as rendered no
    longer sit on the page lines of the block as written."""
    return written.rstrip("\n").count("\n") != rendered.rstrip("\n").count("\n")


def _to_site_root(page_url: str) -> str:
    """The relative way from the page at `page_url` to the site's root: "" or "../../" ("a/b/", or
    "a/b.html" without directory URLs: "../")."""
    from mkdocs.utils import get_relative_url

    return get_relative_url("x", page_url)[:-1]


def _self_link(page_url: str) -> str:
    """A link from the page at `page_url` to itself: "./", or its file name without directory URLs."""
    return "./" if page_url.endswith("/") else page_url.rsplit("/", 1)[-1]


_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)  # Jinja, as mkdocs-macros renders it
_RULE_LINK = re.compile(f'href="{re.escape(RULE_LINK)}(DG\\d{{3}})"')


def _extract(*args, **kwargs):
    """markdown.extract, loaded only when a page is not in the scan cache."""
    from .markdown import extract

    return extract(*args, **kwargs)


def _as_found(text: str, src: str) -> bool:
    """Is `src`, a fence's code as SuperFences passes it, the snippet `text` as found, without its
    final newline? (The cheap test; _normal compares trailing blanks and blank edge lines too.)"""
    return (len(text) == len(src) + 1 and text.endswith("\n") and text.startswith(src)) or text == src


def _normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


__all__ = ["SiteChecks", "ConfigError", "REPORT_PAGE"]
