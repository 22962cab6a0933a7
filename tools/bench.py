"""`make bench`: snipcheck against hadolint on the same snippets, the checker's share of `mkdocs build`
on this guide and on a generated 500-page site, cold and warm, and memory, all in one run.

One function per section (`section_*`), each returning a dict of figures and printed by its own
`print_*`; targets are PASS/MISS and never fail the run. Timed work that must start cold runs in
a fresh process (`--child ...`). `--json FILE` writes every figure. The load average is printed
with the figures: on a busy machine, compare ratios rather than absolute times.

The builds with and without the checker are compared on the same site: the baseline has the checker's
plugin entry removed, its generated pages as plain files, its nav, and our options taken off the Dockerfile
fences (else SuperFences would not render them as code); a comparison whose sites differ in pages or
Dockerfile blocks, or whose baseline shows a result box, gets no verdict. Timed builds on this machine vary
by a fifth from run to run, so the guide's three builds are also counted in machine instructions under
valgrind, a figure that moved by 0.3% at most between runs here; so is the cold single pass against
hadolint over the same files, as a second figure beside the timed one (--skip-instructions leaves
both out).

Render: each page's Markdown to HTML per KiB, the generated pages against the site's own; and the
same pages with the checker against without it (the hook's own render work, whatever the content).

The last section is the real build of every example, cold on one and on two engines and warm
(tools/bench_builds.py: two private dockerd engines, base images copied from the shared engine;
leave it out with --skip-real-build).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchkit import (BIN, ROOT, hook_breakdown, load_snippets, median_run, run_measured,  # noqa: E402
                      site_figures, slowest_rules, verdict, write_dockerfiles)
from benchprint import (TARGETS, print_build_instructions, print_builds, print_cold_instructions,  # noqa: E402
                        print_parallel, print_render, print_render_same_pages, print_single_file, print_snippets)


# -- snippets: in-process, cold and warm --------------------------------------------------------------

def section_snippets(snippets, repeat: int, colds: list[float]) -> dict:
    """Warm: median of `repeat` passes in this process. Cold: the first pass in a fresh process,
    median of the `colds` passes section_files timed (one pass alone varied by a third here)."""
    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    cold = {"seconds": statistics.median(colds)}
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    passes = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        for s in snippets:
            check_snippet(s, ruleset, config)
        passes.append(time.perf_counter() - start)
    warm = statistics.median(passes[1:])
    return {"rules": len(ruleset.rules), "repeat": repeat, "cold_runs_s": colds, "cold_total_s": cold["seconds"],
            "cold_ms": 1000 * cold["seconds"] / len(snippets), "warm_total_s": warm,
            "warm_ms": 1000 * warm / len(snippets), "slowest_rules": slowest_rules(snippets, ruleset)}


def _load_rules(ruleset) -> None:
    """Import every rule module now (versions before the rule catalog imported them for `.rules`)."""
    getattr(ruleset, "load_all", lambda: ruleset.rules)()


def _cold_checker():
    """The snippets, with the rule set and config that check them, the rule modules imported
    (start-up, not checking): the state a cold pass starts from."""
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    snippets, _ = load_snippets()
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    _load_rules(ruleset)
    return snippets, ruleset, config


def _one_pass(snippets, ruleset, config) -> None:
    from snipcheck.checker import check_snippet

    for s in snippets:
        check_snippet(s, ruleset, config)


def cold_pass_child() -> None:
    """One pass over every snippet, right after loading them: nothing warmed up but the imports."""
    checker = _cold_checker()
    start = time.perf_counter()
    _one_pass(*checker)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def cold_count_child(step: str) -> None:
    """cold_pass_child under valgrind: `load` stops before the pass, `pass` runs it; the difference
    of the two counts is the pass's."""
    checker = _cold_checker()
    if step == "pass":
        _one_pass(*checker)


def section_cold_instructions(hadolint: str | None, snippets) -> dict:
    """The cold single pass against hadolint in one process, in machine instructions executed: the
    comparison section_files times, as a count that the host's slow spells do not move (the three
    counts run at once). hadolint's count is its whole process, as its time is; ours is the pass
    alone, as the timed cold pass is (the same process without the pass, subtracted)."""
    from concurrent.futures import ThreadPoolExecutor

    from benchkit import instructions_executed

    if shutil.which("valgrind") is None or hadolint is None:
        return {"error": "valgrind or hadolint is not installed"}
    with tempfile.TemporaryDirectory(prefix="bench-count-") as tmp:
        files = write_dockerfiles(snippets, Path(tmp))
        commands = {"ours_load": ([sys.executable, __file__, "--child", "cold-count", "load"], None),
                    "ours_pass": ([sys.executable, __file__, "--child", "cold-count", "pass"], None),
                    "hadolint": ([hadolint, "--no-fail", "--no-color", *files], tmp)}
        with ThreadPoolExecutor(len(commands)) as pool:
            counts = dict(zip(commands, pool.map(lambda argv_cwd: instructions_executed(*argv_cwd),
                                                 commands.values())))
    counts["files"] = len(snippets)
    counts["pass"] = counts["ours_pass"] - counts["ours_load"]
    return counts


# -- hadolint and the CLI over the same files ---------------------------------------------------------

def find_hadolint() -> str | None:
    local = BIN / "hadolint"
    return str(local) if local.exists() else shutil.which("hadolint")


def section_files(hadolint: str | None, snippets, repeat: int) -> dict:
    """Same files, one process for all: hadolint, and `snipcheck check --no-cache` (serial, and default
    jobs); hadolint one process per file. The in-process cold passes run here too, in rounds with
    hadolint's one-process runs, since the two are compared."""
    out: dict = {"files": len(snippets)}
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        files = write_dockerfiles(snippets, Path(tmp))
        snipcheck = str(BIN / "snipcheck")
        env = {**os.environ, "SNIPCHECK_CACHE": "0"}
        serial = ["--jobs", "1"] if "--jobs" in subprocess.run([snipcheck, "check", "--help"], capture_output=True,
                                                               text=True).stdout else []  # older versions: serial
        for label, argv in (("snipcheck_serial", [snipcheck, "check", *serial, *files]),
                            ("snipcheck_parallel", [snipcheck, "check", *files])):
            out[label] = median_run(argv, repeat, cwd=tmp, env=env)
        colds, batch = [], []
        base = [hadolint, "--no-fail", "--no-color"] if hadolint else []
        for _ in range(repeat):  # in rounds: a slow spell of the machine falls on both alike
            colds.append(json.loads(_child("cold-pass"))["seconds"])
            if hadolint:
                batch.append(run_measured([*base, *files], tmp)[0])
        out["cold_runs_s"] = colds
        if hadolint:
            out["version"] = subprocess.run([hadolint, "--version"], capture_output=True, text=True).stdout.strip()
            out["hadolint_batch"] = {"seconds": statistics.median(batch), "runs_s": batch}
            per_file = []
            for _ in range(max(1, repeat // 2)):
                start = time.perf_counter()
                for f in files:
                    run_measured([*base, f])
                per_file.append(time.perf_counter() - start)
            out["hadolint_per_file"] = {"seconds": statistics.median(per_file)}
    return out


def section_single_file(hadolint: str | None, runs: int) -> dict:
    """`snipcheck check Dockerfile` (cache off; cache warm) and `hadolint Dockerfile`, from a folder
    without mkdocs.yml, median of `runs` fresh processes each; and what the CLI imports."""
    text = (ROOT / "snippets" / "examples").glob("*.Dockerfile")
    sample = min(text, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    out: dict = {"lines": sample.count("\n")}
    with tempfile.TemporaryDirectory(prefix="bench-one-") as tmp:
        (Path(tmp) / "Dockerfile").write_text(sample, encoding="utf-8")
        env = {**os.environ, "SNIPCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        snipcheck = str(BIN / "snipcheck")
        out["snipcheck_no_cache"] = median_run([snipcheck, "check", "Dockerfile"], runs, cwd=tmp,
                                               env={**env, "SNIPCHECK_CACHE": "0"})
        subprocess.run([snipcheck, "check", "Dockerfile"], cwd=tmp, env=env, capture_output=True)
        out["snipcheck_warm"] = median_run([snipcheck, "check", "Dockerfile"], runs, cwd=tmp, env=env)
        out["python_startup"] = median_run([sys.executable, "-c", "pass"], runs, cwd=tmp)
        if hadolint:
            out["hadolint"] = median_run([hadolint, "--no-fail", "Dockerfile"], runs, cwd=tmp)
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "snipcheck.cli", "check", "Dockerfile"],
                              cwd=tmp, env={**env, "SNIPCHECK_CACHE": "0"}, capture_output=True, text=True)
    by_package: dict[str, float] = {}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            top = m.group(2).split(".")[0]
            by_package[top] = by_package.get(top, 0) + int(m.group(1)) / 1e6
    out["imports_s"] = dict(sorted(by_package.items(), key=lambda kv: -kv[1])[:6])
    return out


# -- parallel checking ---------------------------------------------------------------------------------

def section_parallel(site: Path, rounds: int) -> dict:
    """check_many over a site's snippets, serial vs 2 processes, each in a fresh process, no cache, in
    `rounds` rounds (one of each per round: a slow spell of the machine falls on both alike); and
    the host's own ceiling in the same rounds: a pure Python loop alone, then two copies at once."""
    out: dict = {"jobs_1": [], "jobs_2": [], "loop_alone_s": [], "loop_two_s": []}
    for _ in range(rounds):
        for jobs in (1, 2):
            try:
                out[f"jobs_{jobs}"].append(json.loads(_child("parallel", str(site), str(jobs))))
            except SystemExit as exc:
                return {"error": str(exc)[-300:]}
        out["loop_alone_s"].append(_loops(1)[0])
        out["loop_two_s"].append(max(_loops(2)))
    out["speedups"] = [a["seconds"] / b["seconds"] for a, b in zip(out["jobs_1"], out["jobs_2"])]
    out["host_speedups"] = [2 * a / b for a, b in zip(out["loop_alone_s"], out["loop_two_s"])]
    out["speedup"] = statistics.median(out["speedups"])
    return out


def _loops(copies: int) -> list[float]:
    """Seconds a fixed pure Python loop took in each of `copies` processes started together."""
    argv = [sys.executable, __file__, "--child", "loop"]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(copies)]
    return [json.loads(proc.communicate()[0])["seconds"] for proc in procs]


def loop_child() -> None:
    start = time.perf_counter()
    total = 0
    for n in range(6_000_000):
        total += n % 7
    print(json.dumps({"seconds": time.perf_counter() - start, "total": total}))


def parallel_child(site: str, jobs: str) -> None:
    from snipcheck.records import replace

    import snipcheck.checker
    from snipcheck.batch import check_many

    if Path(sys.modules["snipcheck.batch"].__file__).parent != Path(snipcheck.checker.__file__).parent:
        raise SystemExit("this version of snipcheck has no parallel checking")
    from snipcheck.collect import collect
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config, snippet_bases

    root = Path(site)
    config = replace(project_config(root), cache=False, jobs=int(jobs), parallel_min=1)
    ruleset = RuleSet(config)
    _load_rules(ruleset)
    snippets = collect([str(root / "docs")], root, snippet_bases(root, config), ruleset).snippets
    start = time.perf_counter()
    _, stats = check_many(snippets, ruleset, config)
    print(json.dumps({"seconds": time.perf_counter() - start, "snippets": len(snippets), "workers": stats.workers}))


# -- mkdocs build with and without the checker --------------------------------------------------------

CHECKED_BUILDS = ("checked_cold", "checked_first", "checked_warm")  # the builds with the checker, timed


def section_builds(config_file: Path, runs: int, work: Path) -> dict:
    """One site built four ways, same pages: with the hook and the cache off (every snippet checked),
    with the hook and an empty cache (a first build: every snippet checked and its result stored, as on
    a fresh CI machine with the default settings), with the hook and the cache warm, without the hook
    (the generated rule and report pages written as plain files, so both sides have the same pages).
    Runs interleaved (one of each per round, after a warm-up round); median of `runs` rounds, wall and
    CPU time."""
    from benchkit import interleaved_runs

    mkdocs = str(BIN / "mkdocs")
    plain = _same_pages(config_file, work / "plain-docs")
    first_cache = work / "first-build-cache"
    variants = {"checked_cold": (config_file, {"SNIPCHECK_CACHE": "0"}),
                "checked_first": (config_file, {"SNIPCHECK_CACHE_DIR": str(first_cache)}),
                "checked_warm": (config_file, {"SNIPCHECK_CACHE_DIR": str(work / "cache")}),
                "without_checker": (plain, {})}
    commands = {label: ([mkdocs, "build", "-q", "-f", str(config), "-d", str(work / f"site-{label}")], config.parent,
                        {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra})
                for label, (config, extra) in variants.items()}
    try:
        out: dict = {"runs": runs, **interleaved_runs(commands, runs, warmup=1, before={
            "checked_first": lambda: shutil.rmtree(first_cache, ignore_errors=True)})}
    finally:
        plain.unlink(missing_ok=True)
    for label in variants:
        out[label].update(site_figures(work / f"site-{label}"))
    out["error"] = _compared_sites_error(out)
    base, base_cpu = out["without_checker"]["seconds"], out["without_checker"]["cpu_s"]
    for label in CHECKED_BUILDS:
        # Paired: each round's build against the build without the checker of the same round (they ran
        # back to back), then the median over rounds; a slow spell of the machine cancels out.
        rounds = [100 * (t - b) / b for t, b in zip(out[label]["runs_s"], out["without_checker"]["runs_s"])]
        out[f"{label}_round_overheads_pct"] = rounds
        out[f"{label}_overhead_pct"] = statistics.median(rounds)
        out[f"{label}_unpaired_overhead_pct"] = 100 * (out[label]["seconds"] - base) / base
        out[f"{label}_cpu_overhead_pct"] = 100 * (out[label]["cpu_s"] - base_cpu) / base_cpu
    return out


def _compared_sites_error(out: dict) -> str | None:
    """Why the builds do not compare what they claim to (the checker on one side only), if they do not."""
    if out["without_checker"]["result_boxes"]:
        return (f"the build without the checker shows {out['without_checker']['result_boxes']} result boxes: the "
                f"checker still ran there")
    checked = [label for label in CHECKED_BUILDS if label in out]
    if not all(out[label]["result_boxes"] for label in checked):
        return "a build with the checker shows no result box"
    for figure in ("html_pages", "dockerfile_blocks", "generated_table_rows"):
        counts = [out[label][figure] for label in (*checked, "without_checker")]
        if len(set(counts)) > 1:
            return f"the builds with the checker ({', '.join(checked)}) and without it differ in {figure}: {counts}"
    return None


def _same_pages(config_file: Path, docs: Path) -> Path:
    """benchkit.same_pages_config, run in a child: it loads MkDocs and checks the whole site, and a
    process started later inherits this one's peak memory in its own figure (Linux's ru_maxrss)."""
    return Path(_child("same-pages", str(config_file), str(docs)))


def same_pages_child(config_file: str, docs: str) -> None:
    from benchkit import same_pages_config

    print(same_pages_config(Path(config_file), Path(docs)))


def section_build_instructions(config_file: Path, work: Path) -> dict:
    """Three of section_builds' builds (cache off, warm, without the checker), once each under
    valgrind, in machine instructions executed: the checker's overhead as a count that does not vary with the machine's slow spells (the
    same count to 0.3% on every run, whatever else runs, so the three run at once). The cache is warmed by a
    normal build first (its content does not depend on valgrind); cache off is counted serially. The
    first build (an empty cache) is not counted: what it adds to cache off is mostly writing the cache,
    system calls, which valgrind does not count."""
    from concurrent.futures import ThreadPoolExecutor

    from benchkit import instructions_executed

    if shutil.which("valgrind") is None:
        return {"error": "valgrind is not installed (apt-get install valgrind)"}
    mkdocs = str(BIN / "mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cache = {"SNIPCHECK_CACHE_DIR": str(work / "cache")}
    plain = _same_pages(config_file, work / "plain-docs")
    # Cache off, serial: a forked worker's count starts from its parent's count at the fork, so the
    # counts of a pool's processes cannot be added up. Serial is the checking's whole work.
    variants = {"checked_cold": (config_file, {"SNIPCHECK_CACHE": "0", "SNIPCHECK_JOBS": "1"}),
                "checked_warm": (config_file, cache), "without_checker": (plain, {})}

    def count(label: str) -> dict:
        config, extra = variants[label]
        site = work / f"site-{label}"
        argv = [mkdocs, "build", "-q", "-f", str(config), "-d", str(site)]
        return {"instructions": instructions_executed(argv, config.parent, {**env, **extra}), **site_figures(site)}

    try:
        warm_up = [mkdocs, "build", "-q", "-f", str(config_file), "-d", str(work / "site-warm-up")]
        subprocess.run(warm_up, cwd=config_file.parent, env={**env, **cache}, check=True, capture_output=True)
        with ThreadPoolExecutor(len(variants)) as pool:
            out: dict = dict(zip(variants, pool.map(count, variants)))
    finally:
        plain.unlink(missing_ok=True)
    base = out["without_checker"]["instructions"]
    for label in ("checked_cold", "checked_warm"):
        out[f"{label}_overhead_pct"] = 100 * (out[label]["instructions"] - base) / base
    out["error"] = _compared_sites_error(out)
    return out


# -- the hook's own work when rendering ----------------------------------------------------------------

def section_render(config_file: Path, work: Path, builds: int = 3) -> dict:
    """In-process builds with the hook's steps timed, and page render time per KiB of Markdown for the
    site's own pages against the generated rule and report pages. Cache off: all work counted. Each
    page's time is its fastest of `builds` builds (a busy moment of the machine falls on one build)."""
    runs = []
    for _ in range(builds):
        done = subprocess.run([sys.executable, __file__, "--child", "hook-profile", str(config_file), str(work)],
                              capture_output=True, text=True, cwd=config_file.parent,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"})
        if done.returncode:
            return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    fastest: dict = {}
    for run in runs:
        for entry in run["pages"]["each"]:
            page, seconds = entry[3], entry[2]
            if page not in fastest or seconds < fastest[page][2]:
                fastest[page] = entry
    pages: dict = {"own": [0.0, 0], "generated": [0.0, 0], "each": list(fastest.values())}
    for kind, size, seconds, *_ in fastest.values():
        pages[kind][0] += seconds
        pages[kind][1] += size
    hook = {step: statistics.median(run["hook"][step] for run in runs) for step in runs[0]["hook"]}
    warm_hook = _warm_hook_profile(config_file, work)
    return {"hook": hook, "pages": pages, "fixed_page_s": min(run["fixed_page_s"] for run in runs), "builds": builds,
            **({"warm_hook": warm_hook} if warm_hook else {})}


def section_render_same_pages(config_file: Path, work: Path, builds: int = 3) -> dict:
    """Markdown-to-HTML of the same pages with the checker and without it (the baseline of
    section_builds): the hook's own render work on each group of pages, whatever their content.
    Seconds per group, each group's fastest of `builds` in-process builds, interleaved."""
    plain = _same_pages(config_file, work / "plain-docs")
    sides = {"with_checker": (config_file, {"SNIPCHECK_CACHE": "0"}), "without_checker": (plain, {})}
    fastest: dict = {side: {} for side in sides}
    try:
        for _ in range(builds):
            for side, (config, extra) in sides.items():
                done = subprocess.run([sys.executable, __file__, "--child", "page-times", str(config),
                                       str(work / f"site-{side}")], capture_output=True, text=True, cwd=config.parent,
                                      env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra})
                if done.returncode:
                    return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
                for group, seconds in json.loads(done.stdout.strip().splitlines()[-1]).items():
                    fastest[side][group] = min(seconds, fastest[side].get(group, seconds))
    finally:
        plain.unlink(missing_ok=True)
    return {"builds": builds, **fastest}


def page_times_child(config_file: str, site_dir: str) -> None:
    """One in-process build with each page's Markdown-to-HTML (Page.render) timed, summed by group
    (bench child; garbage collection off, as in hook_breakdown)."""
    import gc
    import logging

    import mkdocs.structure.pages as pages
    from benchprint import page_group
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: dict[str, float] = {}
    render = pages.Page.render

    def timed(page, *args, **kwargs):
        start = time.perf_counter()
        try:
            return render(page, *args, **kwargs)
        finally:
            group = page_group(page.file.src_uri)
            spent[group] = spent.get(group, 0.0) + time.perf_counter() - start

    pages.Page.render = timed
    logging.disable(logging.WARNING)
    config = load_config(config_file=config_file, site_dir=site_dir)
    gc.disable()
    build(config)
    print(json.dumps(spent))


def _warm_hook_profile(config_file: Path, work: Path) -> dict | None:
    """The hook's steps in one in-process build with the check cache warm (a first build fills it)."""
    cache = work.parent / f"{work.name}-warm-cache"  # beside the site folder: a build empties that one
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE_DIR": str(cache)}
    for _ in range(2):
        done = subprocess.run([sys.executable, __file__, "--child", "hook-profile", str(config_file), str(work)],
                              capture_output=True, text=True, cwd=config_file.parent, env=env)
        if done.returncode:
            return None
    return json.loads(done.stdout.strip().splitlines()[-1])["hook"]


# -- memory --------------------------------------------------------------------------------------------

def section_memory() -> dict:
    data = json.loads(_child("memory"))
    return {"peak_rss_mib": data["peak_kib"] / 1024, "loaded_rss_mib": data["loaded_kib"] / 1024}


def memory_child() -> None:
    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    snippets, _ = load_snippets()
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    _load_rules(ruleset)
    loaded = _peak_kib()
    results = [check_snippet(s, ruleset, config) for s in snippets]
    print(json.dumps({"loaded_kib": loaded, "peak_kib": _peak_kib(), "results": len(results)}))


def _peak_kib() -> int:
    """This process's own peak RSS. Linux's VmHWM belongs to the process's memory map, new at exec;
    ru_maxrss also counts the parent's peak at the fork, and the bench's own process is large."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _child(*args: str) -> str:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        raise SystemExit(f"bench child {args} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="warm passes in process (default 10)")
    parser.add_argument("--runs", type=int, default=9, help="process runs per CLI/hadolint figure (default 9)")
    parser.add_argument("--builds", type=int, default=7, help="rounds of builds of the guide (default 7)")
    parser.add_argument("--big-builds", type=int, default=5, help="rounds of builds of the big site (default 5)")
    parser.add_argument("--parallel-rounds", type=int, default=11, help="rounds of serial and parallel checking "
                        "(default 11)")
    parser.add_argument("--pages", type=int, default=500, help="pages of the generated site (default 500)")
    parser.add_argument("--skip-build", action="store_true", help="leave out the mkdocs builds")
    parser.add_argument("--skip-real-build", action="store_true",
                        help="leave out the real build of every example (two private dockerd engines)")
    parser.add_argument("--skip-instructions", action="store_true",
                        help="leave out the counts in instructions under valgrind: the cold pass against "
                             "hadolint and the guide's builds (about 6 minutes)")
    parser.add_argument("--count-big", action="store_true",
                        help="also count the big site's builds in instructions (about 23 minutes more)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        {"cold-pass": cold_pass_child, "cold-count": cold_count_child, "memory": memory_child, "parallel": parallel_child, "loop": loop_child,
         "hook-profile": hook_breakdown, "same-pages": same_pages_child,
         "page-times": page_times_child}[args.child[0]](*args.child[1:])
        return 0

    from make_big_site import make_site

    import compileall

    compileall.compile_dir(str(ROOT / "hooks" / "snipcheck"), quiet=2)  # as a wheel install has it

    print(f"Machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}, load average at start "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; snipcheck's bytecode compiled first, as a wheel "
          f"install has it")
    snippets, counts = load_snippets()
    hadolint = find_hadolint()
    f: dict = {"verdicts": {}, "load_start": os.getloadavg()}
    f["files"] = section_files(hadolint, snippets, args.runs)
    f["snippets"] = section_snippets(snippets, args.repeat, f["files"]["cold_runs_s"])
    print_snippets(f, counts, f["files"])
    if not args.skip_instructions:
        f["cold_instructions"] = section_cold_instructions(hadolint, snippets)
        print_cold_instructions(f)
    f["single_file"] = section_single_file(hadolint, args.runs * 3)
    print_single_file(f)
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        big = make_site(Path(tmp) / "site", args.pages, 5)
        f["parallel"] = section_parallel(big.parent, args.parallel_rounds)
        print_parallel(f)
        if not args.skip_build:
            f["builds_guide"] = section_builds(ROOT / "mkdocs.yml", args.builds, Path(tmp) / "guide")
            print_builds(f, "builds_guide", "this guide", TARGETS["overhead_guide"])
            if not args.skip_instructions:
                f["instructions_guide"] = section_build_instructions(ROOT / "mkdocs.yml", Path(tmp) / "count-guide")
                print_build_instructions(f, "instructions_guide", "this guide", TARGETS["overhead_guide"])
            f["builds_big"] = section_builds(big, args.big_builds, Path(tmp) / "big")
            print_builds(f, "builds_big", f"generated site ({args.pages} pages x 5 Dockerfiles)",
                         TARGETS["overhead_big"])
            if args.count_big:
                f["instructions_big"] = section_build_instructions(big, Path(tmp) / "count-big")
                print_build_instructions(f, "instructions_big", f"generated site ({args.pages} pages)",
                                         TARGETS["overhead_big"])
            f["render_guide"] = section_render(ROOT / "mkdocs.yml", Path(tmp) / "render-guide")
            print_render(f, "render_guide", "this guide")
            f["render_same_guide"] = section_render_same_pages(ROOT / "mkdocs.yml", Path(tmp) / "same-guide")
            print_render_same_pages(f, "render_same_guide", "this guide")
            f["render_big"] = section_render(big, Path(tmp) / "render-big")
            print_render(f, "render_big", "generated site")
            f["render_same_big"] = section_render_same_pages(big, Path(tmp) / "same-big")
            print_render_same_pages(f, "render_same_big", "generated site")
    f["memory"] = section_memory()
    print(f"Peak RSS checking every snippet in process: {f['memory']['peak_rss_mib']:.0f} MiB "
          f"({f['memory']['loaded_rss_mib']:.0f} MiB after loading)")
    if not args.skip_real_build:
        from bench_builds import bench_builds, print_builds as print_real_build

        f["real_build"] = bench_builds()
        print_real_build(f["real_build"])
        f["verdicts"].update({f"real_build_{k}": v for k, v in f["real_build"].get("targets", {}).items()})
    f["load_end"] = os.getloadavg()
    verdicts = list(f["verdicts"].values())
    tally = ", ".join(f"{sum(1 for v in verdicts if v is ok)} {verdict(ok)}" for ok in (True, False, None))
    print(f"Load average at end {' '.join(f'{x:.2f}' for x in f['load_end'])}; {tally}")
    if args.json:
        Path(args.json).write_text(json.dumps(f, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
