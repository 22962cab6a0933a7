"""Helpers for tools/bench.py: the snippets to measure, running and timing processes, and the
same-pages MkDocs config (the checker's generated pages as plain files, the checker removed)."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
BIN = Path(sys.executable).parent


def verdict(ok: bool | None) -> str:
    return "UNDECIDED" if ok is None else ("PASS" if ok else "MISS")


def median_interval(values: list[float], coverage: float = 0.85) -> tuple[float, float, float]:
    """An interval that holds the true median with at least `coverage` probability, from order
    statistics alone (no assumption about the noise's shape): (low, high, its actual coverage).
    With 7 rounds it is the 2nd to the 6th smallest (87.5%); with 5, the smallest to the largest."""
    from math import comb

    x = sorted(values)
    n = len(x)
    below = 0.0  # P(fewer than k of n rounds fall below the median), a fair coin per round
    best = (x[0], x[-1], 1 - 2 * 0.5 ** n)
    for k in range(1, n // 2 + 1):
        below += comb(n, k - 1) * 0.5 ** n
        if 1 - 2 * below < coverage:
            break
        best = (x[k - 1], x[n - k], 1 - 2 * below)
    return best


def decide(low: float, high: float, target: float, at_most: bool) -> bool | None:
    """PASS when the whole interval meets the target, MISS when none of it does, else None."""
    if at_most:
        return True if high <= target else False if low > target else None
    return True if low >= target else False if high < target else None


def load_snippets():
    """(snippets, counts by source): the site's pages, the rule docs' examples and the seed text;
    skipped snippets are left out, as neither tool checks them."""
    from snipcheck.collect import collect, make_reader
    from snipcheck.markdown import extract
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config, snippet_bases
    from snipcheck.snippets import snippet_from_dockerfile

    config = project_config(ROOT)
    ruleset = RuleSet(config)
    bases = snippet_bases(ROOT, config)
    sources = {"site docs": collect([str(ROOT / "docs")], ROOT, bases, ruleset.ids).snippets, "rule docs": []}
    reader = make_reader(bases, ROOT)
    for rule in ruleset.all:
        for heading in ("Example", "Use instead"):
            code = rule.doc_code(heading)
            if not code:
                continue
            if rule.doc_language(heading) == "markdown":
                sources["rule docs"] += extract(f"rule {rule.id}", code, reader, ruleset.ids)[0]
            else:
                sources["rule docs"].append(snippet_from_dockerfile(f"rule {rule.id} {heading}", code))
    if SEED.is_dir():
        sources["seed"] = collect([str(SEED)], ROOT, bases, ruleset.ids).snippets
    kept = {name: [s for s in found if not s.options.skip] for name, found in sources.items()}
    return [s for found in kept.values() for s in found], {name: len(found) for name, found in kept.items()}


def write_dockerfiles(snippets, folder: Path) -> list[str]:
    files = []
    for n, s in enumerate(snippets):
        path = folder / f"snippet-{n:04d}.Dockerfile"
        path.write_text(s.text, encoding="utf-8")
        files.append(path.name)
    return files


def slowest_rules(snippets, ruleset, top: int = 5) -> list[dict]:
    """Where the time goes: each rule's own time over all snippets (one pass, parse excluded)."""
    from snipcheck.parser import parse
    from snipcheck.rulekit import Context

    spent = dict.fromkeys((r.id for r in ruleset.rules), 0.0)
    for s in snippets:
        df = parse(s.text)
        context = Context(dockerignore=s.dockerignore_text, fragment=df.is_fragment, declared_no_tls=s.options.no_tls)
        for rule in ruleset.rules:
            if df.is_fragment and not rule.fragment_ok:
                continue
            t0 = time.perf_counter()
            list(rule.check(df, context))
            spent[rule.id] += time.perf_counter() - t0
    ranked = sorted(spent.items(), key=lambda kv: -kv[1])[:top]
    return [{"rule": rule_id, "ms_per_snippet": 1000 * t / len(snippets)} for rule_id, t in ranked]


def run_measured(argv: list[str], cwd=None, env=None) -> tuple[float, float, int, int]:
    """Run a command; return wall seconds, CPU seconds (user + system), peak RSS in KiB, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv[:4])} ... failed ({code}): {err.strip()[-1500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code


def instructions_executed(argv: list[str], cwd=None, env=None) -> int:
    """Machine instructions a command executes, counted by valgrind's cachegrind: the same to 0.3%
    on every run (hash seed fixed; paths and dates differ), where its time on this machine varies
    by a fifth from run to run. One process only: children started with exec are not followed, and
    a forked child's count would start from its parent's, so the command must not fork."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("bench: valgrind is not installed (apt-get install valgrind)")
    done = subprocess.run([valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           *argv], cwd=cwd, env={**(env or os.environ), "PYTHONHASHSEED": "0"},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    counts = re.findall(r"^==\d+== I\s+refs:\s+([\d,]+)$", done.stderr, re.M)
    if done.returncode not in (0, 1) or len(counts) != 1:
        raise SystemExit(f"bench: {' '.join(argv[:4])} ... under valgrind failed ({done.returncode}, "
                         f"{len(counts)} processes counted): {done.stderr.strip()[-1500:]}")
    return int(counts[0].replace(",", ""))


def site_figures(site_dir: Path) -> dict:
    """What a built site holds: pages, Dockerfile code blocks, snipcheck result boxes (none without
    the checker) and the rows of the tables the checker writes into the report page and the rule index."""
    from snipcheck.fencenames import DOCKERFILE_LANGUAGES

    pages = [page.read_text(encoding="utf-8", errors="replace") for page in site_dir.rglob("*.html")]
    blocks = re.compile(rf'class="language-(?:{"|".join(DOCKERFILE_LANGUAGES)}) highlight', re.I)
    return {"html_pages": len(pages), "dockerfile_blocks": sum(len(blocks.findall(page)) for page in pages),
            "result_boxes": sum(page.count("data-snipcheck-status=") for page in pages),
            "generated_table_rows": sum(_shown(page.read_text(encoding="utf-8", errors="replace")).count("<tr>")
                                        for page in (site_dir / "checks" / "index.html",
                                                     site_dir / "rules" / "index.html") if page.is_file())}


def _shown(html: str) -> str:
    """HTML without its comments (a table in a comment is not shown)."""
    return re.sub(r"<!--.*?-->", "", html, flags=re.S)


def median_run(argv: list[str], runs: int, cwd=None, env=None, warmup: int = 0) -> dict:
    """Median wall and CPU time and the peak RSS of `runs` runs (after `warmup` uncounted ones)."""
    walls, cpus, peak = [], [], 0
    for n in range(warmup + runs):
        wall, cpu, rss, _ = run_measured(argv, cwd, env)
        if n >= warmup:
            walls.append(wall)
            cpus.append(cpu)
            peak = max(peak, rss)
    return {"seconds": statistics.median(walls), "cpu_s": statistics.median(cpus), "runs_s": walls,
            "peak_rss_mib": peak / 1024}


def interleaved_runs(commands: dict, runs: int, warmup: int = 1, before: dict | None = None) -> dict:
    """Like median_run for several commands, run in rounds (A B C, A B C, ...) so that a slow spell of
    the machine falls on every command alike. `commands`: label -> (argv, cwd, env); `before`: label ->
    a function called before each run of that command, not timed."""
    walls: dict = {label: [] for label in commands}
    cpus: dict = {label: [] for label in commands}
    peaks = dict.fromkeys(commands, 0)
    for n in range(warmup + runs):
        for label, (argv, cwd, env) in commands.items():
            if before and label in before:
                before[label]()
            wall, cpu, rss, _ = run_measured(argv, cwd, env)
            if n >= warmup:
                walls[label].append(wall)
                cpus[label].append(cpu)
                peaks[label] = max(peaks[label], rss)
    return {label: {"seconds": statistics.median(walls[label]), "cpu_s": statistics.median(cpus[label]),
                    "runs_s": walls[label], "peak_rss_mib": peaks[label] / 1024} for label in commands}


def config_without_checker(text: str) -> str:
    """mkdocs.yml without the checker: its `- snipcheck` plugin entry (with its options) and any
    `hooks:` entry of the deprecated shim, edited as text (the file has tags YAML would not round-trip).

    Raises SystemExit when a mention of the plugin or the shim is left, so that the "without the
    checker" side of a comparison can never quietly run the checker too."""
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    dropping_deeper_than = None
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if dropping_deeper_than is not None:
            if not line.strip() or indent > dropping_deeper_than:
                continue  # the entry's options (and blank lines inside it)
            dropping_deeper_than = None
        item = re.match(r"^( *)- *(snipcheck|hooks/snipcheck_hook\.py)(?![\w.-]):?[ \t]*(#.*)?$", line.rstrip("\n"))
        if item:
            dropping_deeper_than = len(item.group(1))
            continue
        kept.append(line)
    stripped = "".join(kept)
    # a list left empty: `plugins: []` (no key would mean MkDocs' default plugins, which the checked side lacks)
    stripped = re.sub(r"^(plugins|hooks):[ \t]*\n(?=\S|\Z)", r"\1: []\n", stripped, flags=re.M)
    if re.search(r"^[^#\n]*(?:(?<![\w/.-])snipcheck(?![\w.-])|snipcheck_hook)", stripped, re.M):
        raise SystemExit("bench: could not remove the snipcheck plugin or hook from mkdocs.yml")
    return stripped


def without_fence_options(markdown: str) -> str:
    """A page as it would be written without the checker: our options off its Dockerfile fences
    (SuperFences' plain fence rejects a fence with options it does not know, and the block would
    then not render as code at all); highlighting options such as title= stay."""
    from snipcheck.fence_options import FLAG_KEYS, OUR_KEYS
    from snipcheck.fencenames import DOCKERFILE_LANGUAGES

    valued = "|".join(sorted(OUR_KEYS - FLAG_KEYS))
    flags = "|".join(sorted(FLAG_KEYS))

    def strip(fence: re.Match) -> str:
        rest = re.sub(rf"""[ \t]*\b(?:{valued})=(["']).*?\1""", "", fence.group(2))
        return fence.group(1) + re.sub(rf"[ \t]*\b(?:{flags})\b(?!=)", "", rest)

    languages = "|".join(DOCKERFILE_LANGUAGES)
    return re.sub(rf"^([ \t>]*(?:`{{3,}}|~{{3,}})[ \t]*(?:{languages})\b)(.*)$", strip, markdown, flags=re.I | re.M)


def _checked_site(config_file: Path):
    """The site's config and files as the checker leaves them: its nav (with the rule and report pages
    the checker adds), its generated pages, from the plugin's own on_config and on_files, and for each
    of them the HTML the checker places in it after conversion (_placed_html)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(config_file=str(config_file))
    config = config.plugins.on_config(config)
    files = get_files(config)
    own = {file.src_uri for file in files}
    files = config.plugins.on_files(files, config=config)
    pages = [file for file in files if file.src_uri not in own and file.src_uri.endswith(".md")]
    contents = {file.src_uri: _as_rendered(file, config) for file in pages}
    placed = {file.src_uri: found for file in pages if (found := _placed_html(contents[file.src_uri], file, config))}
    return config, contents, placed


def _as_rendered(file, config) -> str:
    """A generated page's Markdown as the checker hands it to MkDocs' renderer: the report page's is
    filled in when every result is in (while the checks run beside the rendering it is a stand-in)."""
    checks = getattr(config.plugins.get("snipcheck"), "checks", None)
    if checks is None or not hasattr(checks, "complete"):
        return file.content_string
    return checks.page_markdown(file.content_string, file.src_uri)


_MARK = re.compile(r"<!--snipcheck-(?:report|table).*?-->", re.S)


def _placed_html(markdown: str, file, config) -> dict[str, str]:
    """{a mark in the page's Markdown: the HTML the checker puts in its place in the converted page}:
    the report's table, the rule index's tables (with rule links resolved). Empty for other pages, and
    for versions that wrote their tables in Markdown."""
    checks = getattr(config.plugins.get("snipcheck"), "checks", None)
    if checks is None or not hasattr(checks, "with_tables"):
        return {}
    return {mark: checks.rule_links(checks.with_tables(mark, file.src_uri), file.url)
            for mark in _MARK.findall(markdown)}


def with_nav(text: str, nav: list | None) -> str:
    """mkdocs.yml text with its nav replaced by `nav` (written as JSON, which YAML reads)."""
    if nav is None:
        return text
    return re.sub(r"^nav:[ \t]*\n(?:[ \t]+.*\n|[ \t]*\n)*", "", text, flags=re.M) + f"\nnav: {json.dumps(nav)}\n"


def same_pages_config(config_file: Path, docs: Path) -> Path:
    """A config next to `config_file` (so relative paths resolve the same) for the same site without
    the checker: its docs copied to `docs` plus, as plain files, the pages the checker generates (rule
    pages, report page), every Dockerfile fence without our options (without_fence_options), and the
    nav the checker gives the site (every page of the theme renders the whole nav).

    The checker puts the report's and the rule index's tables into those pages after Markdown, in
    place of marks. The baseline does the same with tools/bench_place.py, a hook that replaces each
    mark with that HTML (kept in `<docs>.placed.json`): both sites show the same content and pay the
    same to place it, so the difference between them is the checker's work, not a choice of how to
    write a table."""
    config, generated, placed = _checked_site(config_file)
    shutil.copytree(config.docs_dir, docs)
    for src_uri, content in generated.items():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(content, encoding="utf-8")
    for page in docs.rglob("*.md"):
        page.write_text(without_fence_options(page.read_text(encoding="utf-8")), encoding="utf-8")
    text = config_file.read_text(encoding="utf-8")
    stripped = with_nav(config_without_checker(text), config.nav)
    if placed:
        Path(f"{docs}.placed.json").write_text(json.dumps(placed), encoding="utf-8")
        stripped = with_hook(stripped, Path(__file__).resolve().parent / "bench_place.py")
    if re.search(r"^docs_dir:", stripped, re.M):
        stripped = re.sub(r"^docs_dir:.*$", f"docs_dir: {docs}", stripped, flags=re.M)
    else:
        stripped = f"docs_dir: {docs}\n" + stripped
    out = config_file.parent / f".bench-same-pages-{os.getpid()}.yml"
    out.write_text(stripped, encoding="utf-8")
    return out


def with_hook(text: str, hook: Path) -> str:
    """mkdocs.yml text with `hook` first among its hooks (a block list, a flow list, or none yet)."""
    block = re.search(r"^hooks:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)-", text, re.M)
    if block:  # a line of the same indentation as the first item, before it
        at = block.start(1)
        return text[:at] + f"{block.group(1)}- {hook}\n" + text[at:]
    flow = re.search(r"^hooks:[ \t]*\[", text, re.M)
    if flow:
        rest = text[flow.end():]
        return text[: flow.end()] + str(hook) + ("" if rest.lstrip().startswith("]") else ", ") + rest
    return text + f"\nhooks:\n  - {hook}\n"


def hook_breakdown(config_file: str, site_dir: str) -> None:
    """Build a site in process with every SiteChecks step and the fence formatter timed (bench child)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import CombinedEvent
    from pymdownx.superfences import SuperFencesBlockPreprocessor

    start = time.perf_counter()
    from snipcheck import fence, site

    spent: dict[str, float] = {"import (after MkDocs)": time.perf_counter() - start}
    logging.disable(logging.WARNING)

    def timed(name, fn):
        if isinstance(fn, CombinedEvent):  # one event, several methods (each with its own priority)
            return CombinedEvent(*(timed(name, method) for method in fn.methods))

        @functools.wraps(fn)  # keeps the method's event priority (an attribute event_priority sets)
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    for name in ("configure", "generated_pages", "check_pages", "complete", "start_page", "finish_page", "place_boxes",
                 "finish_build"):
        setattr(site.SiteChecks, name, timed(name, getattr(site.SiteChecks, name)))
    from snipcheck.plugin import SnipcheckPlugin

    for name in ("on_config", "on_files", "on_page_markdown", "on_page_content", "on_post_page", "on_post_build"):
        # all of the plugin's events (they include the steps above): what a build without it does not run
        setattr(SnipcheckPlugin, name, timed("all plugin events", getattr(SnipcheckPlugin, name)))
    make = fence.make_formatter
    in_fence = []

    def fence_timed(result_for, **display):
        formatter = timed("fence (highlight + result box)", make(result_for, **display))

        def marked(*args, **kwargs):
            in_fence.append(True)
            try:
                return formatter(*args, **kwargs)
            finally:
                in_fence.pop()
        return marked

    fence.make_formatter = fence_timed
    highlight = SuperFencesBlockPreprocessor.highlight
    timed_highlight = timed("of it highlighting", highlight)
    # what a build without the checker does too: SuperFences highlighting our Dockerfile fences
    SuperFencesBlockPreprocessor.highlight = lambda *a, **k: (timed_highlight if in_fence else highlight)(*a, **k)
    pages = _time_pages(site.SiteChecks, spent)
    config = load_config(config_file=config_file, site_dir=site_dir)
    import gc

    gc.disable()  # a collection lands on whichever page crosses the threshold (the same one every build)
    start = time.perf_counter()
    build(config)
    spent["whole build (in process)"] = time.perf_counter() - start
    print(json.dumps({"hook": spent, "pages": pages, "fixed_page_s": _fixed_page_seconds(config)}))


MINIMAL_PAGE = "# Title\n\nOne line of text.\n"


def _fixed_page_seconds(config, runs: int = 21) -> float:
    """What MkDocs pays per page whatever its size: a Markdown with the site's extensions converting
    a page of one heading and one line (median of `runs`). Not an empty page: Markdown.convert("")
    returns before any of its processors runs, and a real page pays for all of them."""
    import markdown

    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        markdown.Markdown(extensions=config["markdown_extensions"],
                          extension_configs=config["mdx_configs"]).convert(MINIMAL_PAGE)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _time_pages(checks_class, spent: dict) -> dict:
    """Markdown-to-HTML time per KiB of source, the guide's own pages against the generated ones
    (from on_page_markdown to on_page_content: Python-Markdown, extensions, our fence)."""
    totals: dict = {"own": [0.0, 0], "generated": [0.0, 0], "each": []}
    # each: [kind, bytes, seconds, page, of them highlighting our Dockerfile fences]
    generated: dict[str, int] = {}
    state: dict = {}
    start_page, finish_page, pages_of = checks_class.start_page, checks_class.finish_page, checks_class.generated_pages
    complete = checks_class.complete

    def generated_pages(self, *args, **kwargs):
        found = pages_of(self, *args, **kwargs)
        generated.update({uri: len(text.encode()) for uri, text in found.items()})
        return found

    def report_page(self, *args, **kwargs):  # the report page's Markdown: a generated page too
        from snipcheck.site_setup import REPORT_PAGE

        text = complete(self, *args, **kwargs)
        if self.config.report_page:
            generated[REPORT_PAGE] = len(text.encode())
        return text

    def start(self, src_uri, *args, **kwargs):
        state["page"], state["t0"] = src_uri, time.perf_counter()
        state["highlighting"] = spent.get("of it highlighting", 0.0)
        return start_page(self, src_uri, *args, **kwargs)

    def finish(self, html, page_url, *args, **kwargs):
        out = finish_page(self, html, page_url, *args, **kwargs)
        uri = state.get("page", "")
        own = (self.docs_dir / uri).is_file()
        size = (self.docs_dir / uri).stat().st_size if own else generated.get(uri, 0)
        if size:
            kind = "own" if own else "generated"
            seconds = time.perf_counter() - state["t0"]
            totals[kind][0] += seconds
            totals[kind][1] += size
            highlighting = spent.get("of it highlighting", 0.0) - state["highlighting"]  # our fences' share
            totals["each"].append([kind, size, seconds, uri, highlighting])
        return out

    checks_class.generated_pages, checks_class.start_page, checks_class.finish_page = generated_pages, start, finish
    checks_class.complete = report_page
    return {kind: values for kind, values in totals.items()}
