"""Run snipcheck over a folder of other people's Markdown (a corpus nobody annotated for us), as a
new user would: default settings, no mkdocs.yml. Prints findings by rule and severity, totals per
snippet, and draws a reproducible random sample of warning/error findings with their context for
judging by hand. Verdicts (useful / noise / wrong) are tallied from a TSV the judge writes.

Usage:
  tools/corpus.py DIR [--config FILE] [--per-snippet]
  tools/corpus.py DIR --sample N --seed S [--exclude-keys FILE]
  tools/corpus.py --tally VERDICTS.tsv          # lines: key<TAB>verdict<TAB>note
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from snipcheck.config import Config, load_file
from snipcheck.model import Severity
from snipcheck.run import check_paths

SUFFIXES = (".md", ".markdown", ".mdx", ".qmd")
VERDICTS = ("useful", "noise", "wrong")
CONTEXT = 12  # snippet lines shown either side of a sampled finding


def corpus_files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def run(folder: Path, config: Config):
    """The report for every Markdown page under `folder`, with paths relative to it."""
    return check_paths(corpus_files(folder), folder, config)


def unexpected(report) -> list[tuple]:
    """(finding, snippet) for every unexpected warning or error, page-level ones with snippet None."""
    out = [(f, r.snippet) for r in report.results for f in r.findings
           if not f.expected and f.severity >= Severity.WARNING]
    out += [(f, None) for f in report.problems if f.severity >= Severity.WARNING]
    return out


def key(finding) -> str:
    """A stable name for one finding: file, line and rule."""
    return f"{finding.file}:{finding.line}:{finding.rule}"


def print_totals(report, per_snippet: bool) -> None:
    by_rule: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in report.results:
        if per_snippet and r.findings:
            counts = Counter(f"{f.rule}/{f.severity}" for f in r.findings)
            print(f"{r.snippet.fence}: " + ", ".join(f"{k} x{v}" for k, v in sorted(counts.items())))
        for f in r.findings:
            by_rule[(f.rule, f.name)][str(f.severity)] += 1
    for f in report.problems:
        by_rule[(f.rule, f.name)][str(f.severity)] += 1
    print(f"{'rule':<7} {'name':<40} {'error':>6} {'warning':>8} {'info':>6}")
    for (rule, name), counts in sorted(by_rule.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{rule:<7} {name:<40} {counts['error']:>6} {counts['warning']:>8} {counts['info']:>6}")
    snippets = len(report.results)
    bad = unexpected(report)
    pages = len({r.snippet.page for r in report.results})
    print(f"\npages with snippets: {pages}; snippets: {snippets}; unexpected warnings+errors: {len(bad)} "
          f"({len(bad) / max(1, snippets):.2f} per snippet); snippets with any: "
          f"{len({id(s) for _, s in bad if s is not None})}")


def print_sample(report, n: int, seed: int, exclude: set[str]) -> None:
    pool = [(f, s) for f, s in unexpected(report) if key(f) not in exclude]
    pool.sort(key=lambda fs: key(fs[0]))
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    for number, (f, snippet) in enumerate(chosen, 1):
        print(f"=== {number} {key(f)} [{f.severity}] {f.name}\n    {f.message}")
        if snippet is None:
            continue
        lines = snippet.text.splitlines()
        low, high = max(1, f.snippet_line - CONTEXT), min(len(lines), max(f.snippet_line, 1) + CONTEXT)
        for i in range(low, high + 1):
            mark = ">>" if i == f.snippet_line else "  "
            print(f"{mark}{i:3} {lines[i - 1]}")
    print(f"\n(sampled {len(chosen)} of {len(pool)} warning/error findings, seed {seed})")


def tally(path: Path) -> None:
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        verdict = parts[1].strip() if len(parts) > 1 else ""
        if verdict not in VERDICTS:
            sys.exit(f"{path}: {raw!r}: verdict must be one of {', '.join(VERDICTS)}")
        per_rule[parts[0].rsplit(":", 1)[-1]][verdict] += 1
    total = Counter()
    print(f"{'rule':<7} " + " ".join(f"{v:>7}" for v in VERDICTS))
    for rule, counts in sorted(per_rule.items()):
        total.update(counts)
        print(f"{rule:<7} " + " ".join(f"{counts[v]:>7}" for v in VERDICTS))
    n = sum(total.values())
    print(f"{'total':<7} " + " ".join(f"{total[v]:>7}" for v in VERDICTS) + f"   (n={n}: "
          + ", ".join(f"{v} {100 * total[v] / max(1, n):.0f}%" for v in VERDICTS) + ")")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--config", help="YAML/TOML config (default: snipcheck's defaults, as a new user)")
    ap.add_argument("--per-snippet", action="store_true", help="also print the findings of each snippet")
    ap.add_argument("--sample", type=int, help="draw this many warning/error findings for judging")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--exclude-keys", type=Path, help="a verdicts TSV whose keys are not drawn again")
    ap.add_argument("--tally", type=Path, help="count the verdicts in this TSV per rule")
    args = ap.parse_args(argv)
    if args.tally:
        return tally(args.tally)
    if args.folder is None or not args.folder.is_dir():
        ap.error("give a folder of Markdown pages")
    config = Config()
    if args.config:
        config = config.with_values(load_file(args.config), args.config)
    report = run(args.folder, config)
    if args.sample:
        exclude = set()
        if args.exclude_keys:
            exclude = {line.split("\t")[0] for line in args.exclude_keys.read_text().splitlines() if line.strip()}
        print_sample(report, args.sample, args.seed, exclude)
    else:
        print_totals(report, args.per_snippet)


if __name__ == "__main__":
    main()
