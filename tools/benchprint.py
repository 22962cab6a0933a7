"""Printing tools/bench.py's figures, one function per section, with PASS/MISS against the targets
(each verdict is also recorded in the figures' "verdicts"). Figures measured in rounds side by side
are judged on an interval of their median: UNDECIDED (None) when it straddles the target, as this
machine's pace swings by more than some targets' margins."""

from __future__ import annotations

import statistics

from benchkit import decide, median_interval, verdict

TARGETS = {
    "speedup_cold": 10.0,  # cold single pass at least 10x faster per snippet than hadolint in one process
    "single_file": 3.0,  # one small Dockerfile within 3x hadolint's time
    "overhead_guide": 10.0,  # % of the same build without the checker
    "overhead_big": 15.0,
    "overhead_warm": 3.0,  # both sites, cache warm
    "parallel": 1.6,  # 2,500 snippets on 2 cores
}

BUILDS = (("without_checker", "without the checker"), ("checked_cold", "with it, cache off"),
          ("checked_first", "with it, first build"), ("checked_warm", "with it, cache warm"))  # in print order


def print_render(f: dict, key: str, title: str) -> None:
    r = f[key]
    if "error" in r:
        print(f"Render profile, {title}: failed: {r['error']}")
        return
    hook = dict(r["hook"])
    whole = hook.pop("whole build (in process)")
    for summary in ("of it highlighting", "import (after MkDocs)", "all plugin events"):
        hook.pop(summary, None)
    print(f"Render profile, {title} (each page's fastest of {r.get('builds', 1)} builds, garbage collection off): in-process build {whole:.2f} s, of it the hook's own code "
          f"{sum(hook.values()):.2f} s: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(hook.items(), key=lambda kv: -kv[1])))
    for label, steps in (("cache off", r["hook"]), ("cache warm", r.get("warm_hook"))):
        if steps and "all plugin events" in steps:
            print(f"  the checker's own share of the build, {label}: " + _own_share(steps))
    fixed = r.get("fixed_page_s")
    groups = _page_groups(r["pages"].get("each", []))
    if fixed is None or not groups["own"][2] or len(groups) < 2:
        return
    # Each group's Markdown-to-HTML time per KiB of source, less MkDocs' fixed cost per page: small
    # pages (a rule page is 1.3 KiB) would otherwise look dear for that cost alone. Groups are judged
    # apart: one large cheap page (the rule index) must not hide a hundred dear ones.
    net = {name: 1000 * (seconds - n * fixed) / (size / 1024) for name, (seconds, size, n, _) in groups.items()}
    highlighting = {name: 1000 * hl / (size / 1024) for name, (_, size, _, hl) in groups.items()}
    judged = {name: net[name] <= net["own"] * 1.1 for name in groups if name != "own"}
    f["verdicts"][f"{key}_pages"] = all(judged.values())
    shown = [f"{'own pages' if name == 'own' else name} ({groups[name][2]}) {net[name]:.2f} ms, of it "
             f"{highlighting[name]:.2f} ms highlighting Dockerfiles" + (f" [{verdict(judged[name])}]" if name in judged
                                                                       else "") for name in groups]
    print(f"  Markdown to HTML per KiB of source, less the fixed cost of a page ({1000 * fixed:.2f} ms: one heading "
          f"and one line, with the site's extensions): " + "; ".join(shown) + " [target: generated pages no dearer "
          f"than own pages of the same size (10% noise): {verdict(all(judged.values()))}]")


GENERATED_LISTS = ("rules/index.md", "checks/index.md")  # the rule index and the report page


def page_group(src_uri: str, generated: bool | None = None) -> str:
    """Own pages, rule pages or the rule index with the report; `generated` None: by path alone (the
    baseline build holds the generated pages as files; in this project's sites only they are under rules/)."""
    if generated is None:
        generated = src_uri in GENERATED_LISTS or src_uri.startswith("rules/")
    return "own" if not generated else ("rule index and report" if src_uri in GENERATED_LISTS else "rule pages")


def print_render_same_pages(f: dict, key: str, title: str) -> None:
    """The hook's own render work: the same pages' Markdown to HTML with the checker against without."""
    r = f[key]
    if "error" in r:
        print(f"Render, same pages with and without the checker, {title}: failed: {r['error']}")
        return
    groups = [g for g in ("own", "rule pages", "rule index and report") if g in r["with_checker"] and
              g in r["without_checker"]]
    added = {g: 100 * (r["with_checker"][g] - r["without_checker"][g]) / r["without_checker"][g] for g in groups}
    judged = {g: added[g] <= 10 for g in groups}
    f["verdicts"][key] = all(judged.values()) if judged else None
    print(f"  the same pages' Markdown to HTML with the checker against without it (each group's fastest of "
          f"{r['builds']} builds): " + "; ".join(
              f"{'own pages' if g == 'own' else g} {1000 * r['with_checker'][g]:.0f} ms against "
              f"{1000 * r['without_checker'][g]:.0f} ms ({added[g]:+.1f}%)" for g in groups)
          + f" [target: the hook's render work adds at most 10% (noise): {verdict(f['verdicts'][key])}]")


def _page_groups(each: list) -> dict[str, tuple[float, int, int, float]]:
    """{group: (seconds, bytes, pages, seconds highlighting our fences)} for own pages, rule pages and
    the rule index with the report, own pages first."""
    groups: dict[str, list] = {"own": [0.0, 0, 0, 0.0]}
    for kind, size, seconds, page, *highlighting in each:
        name = page_group(page, generated=kind != "own")
        group = groups.setdefault(name, [0.0, 0, 0, 0.0])
        group[0] += seconds
        group[1] += size
        group[2] += 1
        group[3] += highlighting[0] if highlighting else 0.0
    return {name: tuple(values) for name, values in groups.items()}


def _own_share(steps: dict) -> str:
    """What the checker adds to one in-process build: its plugin events and its Dockerfile fence, less
    the highlighting a build without it does as well, plus importing it; against the rest of the
    same build (one process, so the machine's pace cancels out)."""
    events, fence = steps["all plugin events"], steps.get("fence (highlight + result box)", 0.0)
    highlighting, imported = steps.get("of it highlighting", 0.0), steps["import (after MkDocs)"]
    in_build = events + fence - highlighting
    own = in_build + imported
    rest = steps["whole build (in process)"] - in_build
    return (f"{own:.2f} s (plugin events {events:.2f} s, fence {fence:.2f} s less {highlighting:.2f} s of highlighting, "
            f"importing {imported:.2f} s) = {100 * own / rest:.1f}% of the rest of the build")


def print_snippets(f: dict, counts: dict, files: dict) -> None:
    s = f["snippets"]
    print(f"Snippets: {sum(counts.values())} ({', '.join(f'{k} {v}' for k, v in counts.items())}); {s['rules']} rules")
    runs = s.get("cold_runs_s", [s["cold_total_s"]])
    print(f"  in process, cold single pass (fresh process) {s['cold_ms']:7.3f} ms/snippet ({s['cold_total_s']:.3f} s, "
          f"median of {len(runs)} processes: {' '.join(f'{t:.3f}' for t in runs)})")
    print(f"  in process, warm (median of {s['repeat']} passes)       {s['warm_ms']:7.3f} ms/snippet "
          f"({s['warm_total_s']:.3f} s)")
    print("  slowest rules (ms/snippet, warm): " + ", ".join(f"{r['rule']} {r['ms_per_snippet']:.3f}"
                                                            for r in s["slowest_rules"]))
    n = files["files"]
    print(f"  same {n} files, whole processes (wall, median):")
    for key, label in (("snipcheck_serial", "snipcheck check --no-cache --jobs 1"),
                       ("snipcheck_parallel", "snipcheck check --no-cache (defaults)"),
                       ("hadolint_batch", "hadolint, one process for all"),
                       ("hadolint_per_file", "hadolint, one process per file")):
        if key in files:
            print(f"    {label:<38} {files[key]['seconds']:7.3f} s = {1000 * files[key]['seconds'] / n:6.3f} ms/snippet")
    if "hadolint_batch" in files:
        had = 1000 * files["hadolint_batch"]["seconds"] / n
        ratio = had / s["cold_ms"]
        cli = files["hadolint_batch"]["seconds"] / files["snipcheck_serial"]["seconds"]
        # the cold passes ran in rounds with hadolint's runs: judge the ratio round by round
        rounds = [h / c for h, c in zip(files["hadolint_batch"]["runs_s"], runs)]
        ok, interval = _judged(rounds, TARGETS["speedup_cold"], at_most=False)
        f["verdicts"]["speedup_cold"] = ok
        print(f"  cold single pass vs hadolint in one process: {ratio:.1f}x faster per snippet, rounds "
              f"{' '.join(f'{r:.1f}' for r in rounds)}{interval} [target >= {TARGETS['speedup_cold']:.0f}x: "
              f"{verdict(ok)}]; whole CLI process vs whole hadolint process: {cli:.1f}x ({files.get('version', '')})")


def print_cold_instructions(f: dict) -> None:
    """Work, not time: hadolint's runtime spreads over more than one core (1.9 s of wall, 2.8 s of
    CPU over the bench's files here), so its count is no stand-in for the timed target; no verdict."""
    c = f["cold_instructions"]
    if c.get("error"):
        print(f"  cold single pass vs hadolint, in instructions: {c['error']}")
        return
    print(f"  the same in machine instructions executed (valgrind, one count each, the same to 0.3% on every "
          f"run): hadolint {c['hadolint'] / c['files'] / 1e6:.2f} M per file, the cold pass "
          f"{c['pass'] / c['files'] / 1e6:.3f} M per snippet: {c['hadolint'] / c['pass']:.1f}x less work "
          f"(no verdict: the target is time, and hadolint's runtime works on more than one core)")


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
    if "error" in p:
        print(f"Parallel checking: not measured ({p['error']})")
        return
    serial = statistics.median(r["seconds"] for r in p["jobs_1"])
    pooled = statistics.median(r["seconds"] for r in p["jobs_2"])
    ok, interval = _judged(p["speedups"], TARGETS["parallel"], at_most=False, digits=2)
    f["verdicts"]["parallel"] = ok
    host_low, host_high, _ = median_interval(p["host_speedups"])
    print(f"Parallel checking, {p['jobs_1'][0]['snippets']} snippets of the generated site, no cache, "
          f"{len(p['speedups'])} rounds: serial {serial:.2f} s, {p['jobs_2'][0]['workers']} processes {pooled:.2f} s "
          f"(medians); speedup by round {' '.join(f'{x:.2f}' for x in p['speedups'])}, median {p['speedup']:.2f}x"
          f"{interval} [target >= {TARGETS['parallel']}x on 2 cores: {verdict(ok)}]")
    print(f"  the host's own ceiling in the same rounds, a pure Python loop in two processes against one: "
          f"median {statistics.median(p['host_speedups']):.2f}x (from {host_low:.2f} to {host_high:.2f})")


def print_builds(f: dict, key: str, title: str, cold_target: float) -> None:
    b = f[key]
    if b.get("error"):
        print(f"mkdocs build, {title}: NOT COMPARABLE, {b['error']}; no verdict")
        return
    print(f"mkdocs build, {title} (median of {b['runs']} interleaved rounds after a warm-up round; the generated "
          f"rule and report pages are included on both sides; CPU = user + system of the build):")
    for label, text in BUILDS:
        if label not in b:
            continue  # a figure this run did not take
        v = b[label]
        extra = ""
        if label != "without_checker":
            cpu = b.get(f"{label}_cpu_overhead_pct")
            unpaired = b.get(f"{label}_unpaired_overhead_pct")
            per_round = " ".join(f"{x:+.1f}" for x in b.get(f"{label}_round_overheads_pct", []))
            extra = (_overhead(f, key, label, cold_target)
                     + (f" (median of rounds: {per_round}; medians' difference {unpaired:+.1f}%)" if per_round else "")
                     + (f"  (CPU {cpu:+.1f}%)" if cpu is not None else ""))
        rounds = " ".join(f"{t:.2f}" for t in v.get("runs_s", []))
        print(f"  {text:<22} {v['seconds']:7.2f} s  CPU {v.get('cpu_s', 0):6.2f} s  {v['html_pages']:4d} pages  "
              f"peak {v['peak_rss_mib']:5.0f} MiB{extra}  rounds: {rounds}")


def _overhead(f: dict, key: str, label: str, cold_target: float) -> str:
    """`overhead x% [target: verdict]` for one build of section `key`, its verdict recorded. Timed
    builds are judged on the interval of their rounds' median (_judged); a count on its figure."""
    pct = f[key][f"{label}_overhead_pct"]
    target = TARGETS["overhead_warm"] if label == "checked_warm" else cold_target
    rounds = f[key].get(f"{label}_round_overheads_pct")
    ok, interval = _judged(rounds, target, at_most=True) if rounds else (pct <= target, "")
    f["verdicts"][f"{key}_{label}"] = ok
    return f"  overhead {pct:5.1f}%{interval} [target <= {target:.0f}%: {verdict(ok)}]"


def _judged(rounds: list[float], target: float, at_most: bool, coverage: float = 0.85,
            digits: int = 1) -> tuple[bool | None, str]:
    """A verdict on noisy rounds: PASS or MISS only when an interval holding their true median with
    85% or more probability lies wholly on one side of the target, else None (UNDECIDED); and the
    interval, as printed."""
    low, high, covered = median_interval(rounds, coverage)
    if covered < coverage:
        return None, f" (too few rounds to judge: {len(rounds)})"
    shown = f"{low:.{digits}f} to {high:.{digits}f}"
    return decide(low, high, target, at_most), f" ({100 * covered:.0f}% interval of the median {shown})"


def print_build_instructions(f: dict, key: str, title: str, cold_target: float) -> None:
    b = f[key]
    if b.get("error"):
        print(f"mkdocs build, {title}, in instructions: {b['error']}; no verdict")
        return
    print(f"mkdocs build, {title}, in machine instructions executed (valgrind; one build each, the same count "
          f"to 0.3% on every run; cache off checked serially):")
    for label, text in BUILDS:
        if label not in b:
            continue  # the first build is not counted (see section_build_instructions)
        extra = _overhead(f, key, label, cold_target) if label != "without_checker" else ""
        print(f"  {text:<22} {b[label]['instructions'] / 1e9:7.2f} G instructions  {b[label]['html_pages']:4d} pages"
              f"{extra}")
