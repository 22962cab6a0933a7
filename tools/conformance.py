"""Conformance: run two peers' own test cases (hadolint's specs, BuildKit's check tests) through the
snipcheck CLI, as a user would, and report per peer and rule how often snipcheck agrees.
The cases are read from ../shared/conformance/ (never copied here); when absent, the run skips.
Usage: tools/conformance.py [--cases DIR] [--min 95] [--json FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = {"hadolint": "hadolint-cases.jsonl", "buildkit": "buildkit-cases.jsonl"}
# Every BuildKit check name, for `*` cases ("no BuildKit warning at all").
BUILDKIT_CHECKS = frozenset(
    "StageNameCasing FromAsCasing NoEmptyContinuation ConsistentInstructionCasing DuplicateStageName "
    "ReservedStageName JSONArgsRecommended MaintainerDeprecated UndefinedArgInFrom WorkdirRelativePath "
    "UndefinedVar MultipleInstructionsDisallowed LegacyKeyValueFormat RedundantTargetPlatform "
    "SecretsUsedInArgOrEnv InvalidDefaultArgInFrom FromPlatformFlagConstDisallowed CopyIgnoredFile "
    "InvalidBaseImagePlatform InvalidDefinitionDescription ExposeProtoCasing ExposeInvalidFormat".split()
)
_HADOLINT_CODE = re.compile(r"^(DL|SC)\d{4}$")
_SHELLCHECK_CODE = re.compile(r"^SC\d{4}$")
# Cases whose verdict depends on an input the case does not carry: counted separately.
_NEEDS_FIELD = {("buildkit", "CopyIgnoredFile"): ("DockerIgnore", "no .dockerignore in the case")}
# Cases where snipcheck deliberately differs from the peer, each with its reason; they are
# counted in their own table, never silently. Keep in step with docs/reference/parity-notes-*.md.
DELIBERATE = {
    ("hadolint", "DL3002", "warns on multiple stages"):
        "only the final image's user matters; a builder stage ending as root never runs",
    ("hadolint", "DL3002", "won't ignore the rule if passed invalid rule names"):
        "known codes of a pragma apply; unknown ones are reported (DG003), not a reason to drop it",
    ("hadolint", "DL4006", "Comments with backslashes at the end are just comments"):
        "busybox ash on Alpine supports `-o pipefail`, so that SHELL line is accepted",
}
# The severity profile each peer's cases run with: hadolint's judges every snippet whole, as hadolint does.
PROFILE_FOR = {"hadolint": "hadolint"}
_DIRECTIVE = re.compile(r"^#\s*(syntax|escape|check)\s*=", re.I)


@dataclass
class Case:
    peer: str
    number: int
    data: dict

    @property
    def rule(self) -> str:
        return self.data["rule"]

    @property
    def label(self) -> str:
        return self.data.get("source", "") + (f" ({self.data['name']})" if self.data.get("name") else "")

    @property
    def category(self) -> str:
        """'main', or why the case is counted separately."""
        for (peer, rule, name), reason in DELIBERATE.items():
            if (peer, rule) == (self.peer, self.rule) and self.data.get("name", "").endswith(name):
                return f"deliberate difference: {reason}"
        needed = _NEEDS_FIELD.get((self.peer, self.rule))
        if needed and needed[0] not in self.data:
            return f"needs input: {needed[1]}"
        if self.data.get("variant") == "onbuild":
            return "onbuild: RUN wrapped in ONBUILD, checked as written"
        if "config" in self.data:
            return "config: hadolint settings (ignoreRules applied as a pragma, others not applicable)"
        if "FrontendAttrs" in self.data:
            return "FrontendAttrs: build args (BUILDKIT_DOCKERFILE_CHECK applied as the check directive)"
        return "main"


def cases_dir(cli_value: str | None) -> Path:
    chosen = cli_value or os.environ.get("SNIPCHECK_CONFORMANCE")
    return Path(chosen) if chosen else ROOT.parent / "shared" / "conformance"


def load_cases(folder: Path) -> list[Case]:
    out = []
    for peer, name in PEERS.items():
        path = folder / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            out.extend(Case(peer, n, json.loads(line)) for n, line in enumerate(lines, 1) if line.strip())
    return out


def dockerfile_text(case: Case) -> str:
    """The case's Dockerfile, with the options we can express in the file itself applied."""
    text = case.data["dockerfile"]
    ignored = case.data.get("config", {}).get("ignoreRules")
    if ignored:
        text = _insert_after_directives(text, f"# hadolint global ignore={','.join(ignored)}")
    check = case.data.get("FrontendAttrs", {}).get("build-arg:BUILDKIT_DOCKERFILE_CHECK")
    if check is not None:  # the build arg replaces the file's own `# check=` directive
        lines = text.split("\n")
        lines = [line for line in lines if not re.match(r"^#\s*check\s*=", line, re.I)] if lines else lines
        text = f"# check={check}\n" + "\n".join(lines)
    return text


def _insert_after_directives(text: str, line: str) -> str:
    lines = text.split("\n")
    n = 0
    while n < len(lines) and _DIRECTIVE.match(lines[n].strip()):
        n += 1
    return "\n".join(lines[:n] + [line] + lines[n:])


def write_cases(cases: list[Case], workdir: Path) -> dict[str, Case]:
    """One folder per case with its Dockerfile (and .dockerignore): {relative path: case}."""
    files = {}
    for case in cases:
        folder = workdir / f"{case.peer}-{case.number:04d}"
        folder.mkdir()
        (folder / "Dockerfile").write_text(dockerfile_text(case), encoding="utf-8")
        if case.data.get("DockerIgnore") is not None:
            (folder / ".dockerignore").write_text(case.data["DockerIgnore"], encoding="utf-8")
        files[f"{folder.name}/Dockerfile"] = case
    return files


def run_checker(paths: list[str], workdir: Path, profile: str = "default") -> dict[str, list[dict]]:
    """Run `snipcheck check --format json` once over these files; findings per file as reported.

    Runs in `workdir` (no mkdocs.yml above it) with SNIPCHECK_* variables removed, so the
    default configuration applies, except for the severity profile (hadolint's cases run with
    `profile: hadolint`, as a team wanting parity would). Exit codes 0 and 1 are normal.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNIPCHECK_")}
    env["SNIPCHECK_PROFILE"] = profile
    cmd = [sys.executable, "-m", "snipcheck.cli", "check", "--format", "json", *paths]
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"snipcheck exited with {proc.returncode}: {proc.stderr.strip()[:2000]}")
    report = json.loads(proc.stdout)
    found: dict[str, list[dict]] = defaultdict(list)
    for snippet in report["snippets"]:
        found[snippet["file"]].extend(snippet["findings"])
    for problem in report.get("problems", []):
        found[problem["file"]].append(problem)
    return found


def peer_codes(finding: dict) -> set[str]:
    return {finding["rule"], *finding.get("aliases", ())}


def fires(finding: dict, case: Case) -> bool:
    codes = peer_codes(finding)
    if case.rule == "*":
        if case.peer == "hadolint":
            return any(_HADOLINT_CODE.match(c) for c in codes)
        return bool(codes & BUILDKIT_CHECKS)
    if case.peer == "hadolint" and case.rule == "shellcheck":
        return any(_SHELLCHECK_CODE.match(c) for c in codes) or "shellcheck" in codes
    return case.rule in codes


def agrees(case: Case, findings: list[dict]) -> tuple[bool, int]:
    """Does snipcheck agree with the peer on this case? Also returns how many findings fired."""
    fired = sum(1 for f in findings if fires(f, case))
    if case.rule == "*" or case.data["expect"] == "not":
        return fired == 0, fired
    if case.data.get("match") == "exactly" and case.data.get("count") is not None:
        return fired == case.data["count"], fired
    return fired > 0, fired


def claimed_codes() -> set[str]:
    """Peer IDs some snipcheck rule lists as an alias (plus `shellcheck` and `*` when it applies)."""
    from snipcheck.registry import RuleSet

    aliases = {a for r in RuleSet().all for a in r.aliases}
    if any(_SHELLCHECK_CODE.match(a) for a in aliases):
        aliases.add("shellcheck")
    return aliases


def is_claimed(case: Case, claimed: set[str]) -> bool:
    if case.rule == "*":
        family = BUILDKIT_CHECKS if case.peer == "buildkit" else {a for a in claimed if _HADOLINT_CODE.match(a)}
        return bool(claimed & family)
    return case.rule in claimed


def evaluate(folder: Path) -> dict:
    """Run every case and return the results as a JSON-ready dict."""
    cases = load_cases(folder)
    claimed = claimed_codes()
    with tempfile.TemporaryDirectory(prefix="snipcheck-conformance-") as tmp:
        files = write_cases(cases, Path(tmp))
        found: dict[str, list[dict]] = {}
        for peer in sorted({c.peer for c in files.values()}):
            paths = [p for p, c in files.items() if c.peer == peer]
            found.update(run_checker(paths, Path(tmp), PROFILE_FOR.get(peer, "default")))
    peers: dict = {}
    for path, case in files.items():
        ok, fired = agrees(case, found.get(path, []))
        peer = peers.setdefault(case.peer, {"tables": {}, "disagreements": []})
        row = peer["tables"].setdefault(case.category, {}).setdefault(
            case.rule, {"agreed": 0, "total": 0, "claimed": is_claimed(case, claimed)})
        row["total"] += 1
        row["agreed"] += ok
        if not ok and row["claimed"]:
            peer["disagreements"].append({"rule": case.rule, "case": case.label, "category": case.category,
                                          "expect": case.data["expect"], "count": case.data.get("count"),
                                          "fired": fired})
    return {"cases": str(folder), "peers": peers}


def below(results: dict, minimum: float) -> list[str]:
    """Claimed rules of the main tables under `minimum` percent agreement."""
    out = []
    for peer, data in results["peers"].items():
        for rule, row in data["tables"].get("main", {}).items():
            if row["claimed"] and 100.0 * row["agreed"] / row["total"] < minimum:
                out.append(f"{peer} {rule}: {row['agreed']}/{row['total']}")
    return out


def render(results: dict, verbose: bool = False) -> str:
    lines = [f"Conformance cases from {results['cases']}"]
    for peer, data in results["peers"].items():
        tables = data["tables"]
        main = tables.get("main", {})
        lines.append(f"\n{peer}: {sum(r['total'] for r in main.values())} cases in the main table")
        lines.extend(_table(main))
        for category in sorted(c for c in tables if c != "main"):
            rows = tables[category]
            lines.append(f"\n  counted separately, {category} ({sum(r['total'] for r in rows.values())} cases)")
            lines.extend(_table(rows))
        if verbose and data["disagreements"]:
            lines.append(f"\n  disagreements on claimed rules ({len(data['disagreements'])}):")
            lines.extend(f"    {d['rule']:<32} expect={d['expect']:<5} count={d['count']} fired={d['fired']}  "
                         f"{d['case']}  [{d['category']}]" for d in data["disagreements"])
    return "\n".join(lines) + "\n"


def _table(rows: dict) -> list[str]:
    claimed = {k: v for k, v in rows.items() if v["claimed"]}
    out = [f"    {'rule':<34}{'agreed/total':>14}{'%':>8}"]
    for rule in sorted(claimed):
        row = claimed[rule]
        out.append(f"    {rule:<34}{row['agreed']:>8}/{row['total']:<5}{100.0 * row['agreed'] / row['total']:>8.1f}")
    others = sorted((k, v["total"]) for k, v in rows.items() if not v["claimed"])
    if others:
        out.append("    not claimed: " + ", ".join(f"{k} ({n})" for k, n in others))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", help="folder with the *-cases.jsonl files (default: ../shared/conformance, "
                                        "or $SNIPCHECK_CONFORMANCE)")
    parser.add_argument("--min", type=float, help="fail when a claimed rule agrees on fewer than MIN percent")
    parser.add_argument("--json", dest="json_file", help="also write the results to this JSON file")
    parser.add_argument("--verbose", action="store_true", help="list every disagreement on a claimed rule")
    args = parser.parse_args(argv)
    folder = cases_dir(args.cases)
    if not folder.is_dir() or not any((folder / name).is_file() for name in PEERS.values()):
        print(f"conformance cases not found at {folder}: skipped")
        return 0
    results = evaluate(folder)
    failing = below(results, args.min) if args.min is not None else []
    results["min"], results["below_min"] = args.min, failing
    print(render(results, args.verbose), end="")
    if args.json_file:
        Path(args.json_file).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if failing:
        print(f"\nbelow {args.min:g}%: " + "; ".join(failing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
