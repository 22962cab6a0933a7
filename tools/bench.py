"""`make bench`: snipcheck against hadolint on the same snippets, the checker's share of `mkdocs build`
on this guide and on a generated 500-page site, cold and warm, and memory, all in one run.

One function per section (`section_*`), each returning a dict of figures and printed by its own
`print_*`; targets are PASS/MISS and never fail the run. Timed work that must start cold runs in
a fresh process (`--child ...`). `--json FILE` writes every figure. The load average is printed
with the figures: on a busy machine, compare ratios rather than absolute times.
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

from benchkit import (BIN, ROOT, SEED, hook_breakdown, load_snippets, median_run, run_measured,  # noqa: E402
                      slowest_rules, verdict, write_dockerfiles)

TARGETS = {
    "speedup_cold": 10.0,  # cold single pass at least 10x faster per snippet than hadolint in one process
    "single_file": 3.0,  # one small Dockerfile within 3x hadolint's time
    "overhead_guide": 10.0,  # % of the same build without the checker
    "overhead_big": 15.0,
    "overhead_warm": 3.0,  # both sites, cache warm
    "parallel": 1.6,  # 2,500 snippets on 2 cores
}


# -- snippets: in-process, cold and warm --------------------------------------------------------------

def section_snippets(snippets, repeat: int) -> dict:
    """Warm: median of `repeat` passes in this process. Cold: the first pass in a fresh process."""
    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    cold = json.loads(_child("cold-pass"))
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    passes = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        for s in snippets:
            check_snippet(s, ruleset, config)
        passes.append(time.perf_counter() - start)
    warm = statistics.median(passes[1:])
    return {"rules": len(ruleset.rules), "repeat": repeat, "cold_total_s": cold["seconds"],
            "cold_ms": 1000 * cold["seconds"] / len(snippets), "warm_total_s": warm,
            "warm_ms": 1000 * warm / len(snippets), "slowest_rules": slowest_rules(snippets, ruleset)}


def cold_pass_child() -> None:
    """One pass over every snippet, right after loading them: nothing warmed up but the imports."""
    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    snippets, _ = load_snippets()
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    ruleset.rules  # imports the rule modules: that is start-up, not checking
    start = time.perf_counter()
    for s in snippets:
        check_snippet(s, ruleset, config)
    print(json.dumps({"seconds": time.perf_counter() - start}))


# -- hadolint and the CLI over the same files ---------------------------------------------------------

def find_hadolint() -> str | None:
    local = BIN / "hadolint"
    return str(local) if local.exists() else shutil.which("hadolint")


def section_files(hadolint: str | None, snippets, repeat: int) -> dict:
    """Same files, one process for all: hadolint, and `snipcheck check --no-cache` (serial, and default
    jobs); hadolint one process per file."""
    out: dict = {"files": len(snippets)}
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        files = write_dockerfiles(snippets, Path(tmp))
        snipcheck = str(BIN / "snipcheck")
        env = {**os.environ, "SNIPCHECK_CACHE": "0"}
        for label, argv in (("snipcheck_serial", [snipcheck, "check", "--jobs", "1", *files]),
                            ("snipcheck_parallel", [snipcheck, "check", *files])):
            out[label] = median_run(argv, repeat, cwd=tmp, env=env)
        if hadolint:
            base = [hadolint, "--no-fail", "--no-color"]
            out["version"] = subprocess.run([hadolint, "--version"], capture_output=True, text=True).stdout.strip()
            out["hadolint_batch"] = median_run([*base, *files], repeat, cwd=tmp)
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
        out["snipcheck_no_cache"] = median_run([snipcheck, "check", "--no-cache", "Dockerfile"], runs, cwd=tmp, env=env)
        subprocess.run([snipcheck, "check", "Dockerfile"], cwd=tmp, env=env, capture_output=True)
        out["snipcheck_warm"] = median_run([snipcheck, "check", "Dockerfile"], runs, cwd=tmp, env=env)
        out["python_startup"] = median_run([sys.executable, "-c", "pass"], runs, cwd=tmp)
        if hadolint:
            out["hadolint"] = median_run([hadolint, "--no-fail", "Dockerfile"], runs, cwd=tmp)
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "snipcheck.cli", "check", "--no-cache",
                               "Dockerfile"], cwd=tmp, env=env, capture_output=True, text=True)
    by_package: dict[str, float] = {}
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            top = m.group(2).split(".")[0]
            by_package[top] = by_package.get(top, 0) + int(m.group(1)) / 1e6
    out["imports_s"] = dict(sorted(by_package.items(), key=lambda kv: -kv[1])[:6])
    return out


# -- parallel checking ---------------------------------------------------------------------------------

def section_parallel(site: Path) -> dict:
    """check_many over a site's snippets, serial vs 2 processes, each in a fresh process, no cache."""
    out = {}
    for jobs in (1, 2):
        out[f"jobs_{jobs}"] = json.loads(_child("parallel", str(site), str(jobs)))
    out["speedup"] = out["jobs_1"]["seconds"] / out["jobs_2"]["seconds"]
    return out


def parallel_child(site: str, jobs: str) -> None:
    from dataclasses import replace

    from snipcheck.batch import check_many
    from snipcheck.collect import collect
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config, snippet_bases

    root = Path(site)
    config = replace(project_config(root), cache=False, jobs=int(jobs), parallel_min=1)
    ruleset = RuleSet(config)
    ruleset.rules
    snippets = collect([str(root / "docs")], root, snippet_bases(root, config), ruleset).snippets
    start = time.perf_counter()
    _, stats = check_many(snippets, ruleset, config)
    print(json.dumps({"seconds": time.perf_counter() - start, "snippets": len(snippets), "workers": stats.workers}))


# -- mkdocs build with and without the checker --------------------------------------------------------

def section_builds(config_file: Path, runs: int, work: Path) -> dict:
    """One site built three ways, same pages: with the hook and the cache off (every snippet checked),
    with the hook and the cache warm, without the hook (the generated rule and report pages written
    as plain files, so both sides have the same pages). Median of `runs` after a warm-up each."""
    from benchkit import same_pages_config

    mkdocs = str(BIN / "mkdocs")
    plain = same_pages_config(config_file, work / "plain-docs")
    variants = {"checked_cold": (config_file, {"SNIPCHECK_CACHE": "0"}),
                "checked_warm": (config_file, {"SNIPCHECK_CACHE_DIR": str(work / "cache")}),
                "without_checker": (plain, {})}
    out: dict = {"runs": runs}
    try:
        for label, (config, extra) in variants.items():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
            site = work / f"site-{label}"
            argv = [mkdocs, "build", "-q", "-f", str(config), "-d", str(site)]
            out[label] = median_run(argv, runs, cwd=config.parent, env=env, warmup=1)
            out[label]["html_pages"] = sum(1 for _ in site.rglob("*.html"))
    finally:
        plain.unlink(missing_ok=True)
    base = out["without_checker"]["seconds"]
    for label in ("checked_cold", "checked_warm"):
        out[f"{label}_overhead_pct"] = 100 * (out[label]["seconds"] - base) / base
    return out


# -- the hook's own work when rendering ----------------------------------------------------------------

def section_render(config_file: Path, work: Path) -> dict:
    """An in-process build with the hook's steps timed, and page render time per KiB of Markdown for
    the site's own pages against the generated rule and report pages. Cache off: all work counted."""
    done = subprocess.run([sys.executable, __file__, "--child", "hook-profile", str(config_file), str(work)],
                          capture_output=True, text=True, cwd=config_file.parent,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"})
    if done.returncode:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_render(f: dict, key: str, title: str) -> None:
    r = f[key]
    if "error" in r:
        print(f"Render profile, {title}: failed: {r['error']}")
        return
    hook = dict(r["hook"])
    whole = hook.pop("whole build (in process)")
    print(f"Render profile, {title}: in-process build {whole:.2f} s, of it the hook's own code "
          f"{sum(hook.values()):.2f} s: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(hook.items(), key=lambda kv: -kv[1])))
    per_kib = {kind: 1000 * t / (size / 1024) for kind, (t, size) in r["pages"].items() if size}
    if len(per_kib) == 2:
        ok = per_kib["generated"] <= per_kib["own"] * 1.1
        f["verdicts"][f"{key}_pages"] = ok
        print(f"  Markdown to HTML per KiB of source: own pages {per_kib['own']:.2f} ms, generated pages "
              f"{per_kib['generated']:.2f} ms [target: generated no dearer than own (10% noise): {verdict(ok)}]")


# -- memory --------------------------------------------------------------------------------------------

def section_memory() -> dict:
    data = json.loads(_child("memory"))
    return {"peak_rss_mib": data["peak_kib"] / 1024, "loaded_rss_mib": data["loaded_kib"] / 1024}


def memory_child() -> None:
    import resource

    from snipcheck.checker import check_snippet
    from snipcheck.registry import RuleSet
    from snipcheck.run import project_config

    snippets, _ = load_snippets()
    config = project_config(ROOT)
    ruleset = RuleSet(config)
    ruleset.rules
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = [check_snippet(s, ruleset, config) for s in snippets]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"loaded_kib": loaded, "peak_kib": peak, "results": len(results)}))


def _child(*args: str) -> str:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        raise SystemExit(f"bench child {args} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


# -- printing ------------------------------------------------------------------------------------------

def print_snippets(f: dict, counts: dict, files: dict) -> None:
    s = f["snippets"]
    print(f"Snippets: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in counts.items())}); {s['rules']} rules")
    print(f"  in process, cold single pass (fresh process) {s['cold_ms']:7.3f} ms/snippet ({s['cold_total_s']:.3f} s)")
    print(f"  in process, warm (median of {s['repeat']} passes)       {s['warm_ms']:7.3f} ms/snippet "
          f"({s['warm_total_s']:.3f} s)")
    print("  slowest rules (ms/snippet, warm): " + ", ".join(f"{r['rule']} {r['ms_per_snippet']:.3f}"
                                                            for r in s["slowest_rules"]))
    n = files["files"]
    print(f"  same {n} files, whole processes (wall, median):")
    for key, label in (("snipcheck_serial", "snipcheck check --no-cache --jobs 1"),
                       ("snipcheck_parallel", "snipcheck check --no-cache (pool)"),
                       ("hadolint_batch", "hadolint, one process for all"),
                       ("hadolint_per_file", "hadolint, one process per file")):
        if key in files:
            print(f"    {label:<38} {files[key]['seconds']:7.3f} s = {1000 * files[key]['seconds'] / n:6.3f} ms/snippet")
    if "hadolint_batch" in files:
        had = 1000 * files["hadolint_batch"]["seconds"] / n
        ratio = had / s["cold_ms"]
        cli = files["hadolint_batch"]["seconds"] / files["snipcheck_serial"]["seconds"]
        print(f"  cold single pass vs hadolint in one process: {ratio:.1f}x faster per snippet "
              f"[target >= {TARGETS['speedup_cold']:.0f}x: {verdict(ratio >= TARGETS['speedup_cold'])}]; "
              f"whole CLI process vs whole hadolint process: {cli:.1f}x ({files.get('version', '')})")
        f["verdicts"]["speedup_cold"] = ratio >= TARGETS["speedup_cold"]


def print_single_file(f: dict) -> None:
    one = f["single_file"]
    print(f"One small Dockerfile ({one['lines']} lines), fresh process each, median:")
    print(f"  python -c pass {1000 * one['python_startup']['seconds']:6.1f} ms; "
          f"snipcheck check --no-cache {1000 * one['snipcheck_no_cache']['seconds']:6.1f} ms; "
          f"snipcheck check, cache warm {1000 * one['snipcheck_warm']['seconds']:6.1f} ms", end="")
    if "hadolint" in one:
        had = one["hadolint"]["seconds"]
        print(f"; hadolint {1000 * had:6.1f} ms")
        for key in ("snipcheck_no_cache", "snipcheck_warm"):
            ratio = one[key]["seconds"] / had
            ok = ratio <= TARGETS["single_file"]
            f["verdicts"][f"single_file_{key}"] = ok
            print(f"  {key}: {ratio:.1f}x hadolint's time [target <= {TARGETS['single_file']:.0f}x: {verdict(ok)}]")
    else:
        print()
    print("  import time by package (no cache): " + ", ".join(f"{k} {1000 * v:.0f} ms"
                                                          for k, v in one["imports_s"].items()))


def print_parallel(f: dict) -> None:
    p = f["parallel"]
    ok = p["speedup"] >= TARGETS["parallel"]
    f["verdicts"]["parallel"] = ok
    print(f"Parallel checking, {p['jobs_1']['snippets']} snippets of the generated site, no cache: serial "
          f"{p['jobs_1']['seconds']:.2f} s, {p['jobs_2']['workers']} processes {p['jobs_2']['seconds']:.2f} s = "
          f"{p['speedup']:.2f}x [target >= {TARGETS['parallel']}x on 2 cores: {verdict(ok)}]")


def print_builds(f: dict, key: str, title: str, cold_target: float) -> None:
    b = f[key]
    print(f"mkdocs build, {title} (median of {b['runs']} after a warm-up; the generated rule and report pages are "
          f"included on both sides):")
    for label, text in (("without_checker", "without the checker"), ("checked_cold", "with it, cache off"),
                        ("checked_warm", "with it, cache warm")):
        v = b[label]
        extra = ""
        if label != "without_checker":
            pct = b[f"{label}_overhead_pct"]
            target = cold_target if label == "checked_cold" else TARGETS["overhead_warm"]
            ok = pct <= target
            f["verdicts"][f"{key}_{label}"] = ok
            extra = f"  overhead {pct:5.1f}% [target <= {target:.0f}%: {verdict(ok)}]"
        print(f"  {text:<22} {v['seconds']:7.2f} s  {v['html_pages']:4d} pages  peak {v['peak_rss_mib']:5.0f} MiB{extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="warm passes in process (default 10)")
    parser.add_argument("--runs", type=int, default=5, help="process runs per CLI/hadolint figure (default 5)")
    parser.add_argument("--builds", type=int, default=3, help="builds per variant of the guide (default 3)")
    parser.add_argument("--big-builds", type=int, default=2, help="builds per variant of the big site (default 2)")
    parser.add_argument("--pages", type=int, default=500, help="pages of the generated site (default 500)")
    parser.add_argument("--skip-build", action="store_true", help="leave out the mkdocs builds")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        {"cold-pass": cold_pass_child, "memory": memory_child, "parallel": parallel_child,
         "hook-profile": hook_breakdown}[args.child[0]](*args.child[1:])
        return 0

    from make_big_site import make_site

    print(f"Machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}, load average at start "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    snippets, counts = load_snippets()
    hadolint = find_hadolint()
    f: dict = {"verdicts": {}, "load_start": os.getloadavg()}
    f["snippets"] = section_snippets(snippets, args.repeat)
    f["files"] = section_files(hadolint, snippets, args.runs)
    print_snippets(f, counts, f["files"])
    f["single_file"] = section_single_file(hadolint, args.runs * 3)
    print_single_file(f)
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        big = make_site(Path(tmp) / "site", args.pages, 5)
        f["parallel"] = section_parallel(big.parent)
        print_parallel(f)
        if not args.skip_build:
            f["builds_guide"] = section_builds(ROOT / "mkdocs.yml", args.builds, Path(tmp) / "guide")
            print_builds(f, "builds_guide", "this guide", TARGETS["overhead_guide"])
            f["builds_big"] = section_builds(big, args.big_builds, Path(tmp) / "big")
            print_builds(f, "builds_big", f"generated site ({args.pages} pages x 5 Dockerfiles)",
                         TARGETS["overhead_big"])
            f["render_guide"] = section_render(ROOT / "mkdocs.yml", Path(tmp) / "render-guide")
            print_render(f, "render_guide", "this guide")
            f["render_big"] = section_render(big, Path(tmp) / "render-big")
            print_render(f, "render_big", "generated site")
    f["memory"] = section_memory()
    print(f"Peak RSS checking every snippet in process: {f['memory']['peak_rss_mib']:.0f} MiB "
          f"({f['memory']['loaded_rss_mib']:.0f} MiB after loading)")
    f["load_end"] = os.getloadavg()
    print(f"Load average at end {' '.join(f'{x:.2f}' for x in f['load_end'])}; "
          f"{sum(f['verdicts'].values())} PASS, {sum(not v for v in f['verdicts'].values())} MISS")
    if args.json:
        Path(args.json).write_text(json.dumps(f, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
