"""`make bench`, part (d): the real build of every example of the site, in one run on this machine:

1. cold on one engine (a private dockerd, empty build cache, empty result cache);
2. cold on two engines (the first one's BuildKit cache pruned, a second private dockerd, empty
   result cache);
3. warm on the same two engines with the result cache of (2): nothing changed, so no
   `docker build` at all (counted by a wrapper around the real client) and seconds of build work.

Both engines are dockerd instances of our own (tools/private_dockerd.py), started and stopped
here, empty: they pull the locked base images through the world the run chooses (the stand-in
registry on 127.0.0.1 here, a real registry or mirror elsewhere), as a cold CI engine does, so
the cold figures include those pulls. Their bridges have no NAT (no iptables
changes on a shared machine), so an example whose RUN fetches packages from a mirror fails there
while it builds on the shared engine: compare the status counts, not only the times. Also callable on its own:
`.venv/bin/python tools/bench_builds.py [--json FILE]`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from private_dockerd import DOCKER, PrivateEngines  # noqa: E402

WARM_TARGET_S = 2.0


def site_report(config, paths=None):
    from snipcheck.run import check_paths

    return check_paths([str(p) for p in paths] if paths else [str(ROOT / "docs")], ROOT, config)


def base_images(report) -> list[str]:
    """Every external image the site's buildable examples name (what the engines will pull)."""
    from snipcheck.builder.plan import drop_syntax_line, external_images
    from snipcheck.parser import parse
    from snipcheck.run import is_example_file

    return sorted({ref for r in report.results if is_example_file(r.snippet)
                   for ref in external_images(parse(drop_syntax_line(r.snippet.text)[0]))})


def counting_client(folder: Path) -> tuple[str, Path]:
    calls = folder / "build-calls"
    script = folder / "docker"
    script.write_text(f'#!/bin/sh\ncase "$1" in build|buildx) echo "$*" >> "{calls}";; esac\nexec {DOCKER} "$@"\n')
    script.chmod(0o755)
    return str(script), calls


def one_run(report, hosts: list[str], cache_dir: Path, client: str, calls: Path) -> dict:
    """Time build_examples (the build work only) with these engines and this cache folder."""
    from snipcheck.records import replace

    from snipcheck.run import build_examples

    config = replace(report.config, engines=tuple(f"{h} jobs=1" for h in hosts), cache_dir=str(cache_dir),
                     quiet=True)
    before = len(calls.read_text().splitlines()) if calls.exists() else 0
    os.environ["SNIPCHECK_DOCKER"] = client
    start = time.perf_counter()
    built, text = build_examples(replace(report, config=config), ROOT)
    seconds = time.perf_counter() - start
    after = len(calls.read_text().splitlines()) if calls.exists() else 0
    verdicts = [v for b in built.builds for v in b.verdicts()]
    return {
        "engines": len(hosts), "seconds": round(seconds, 2), "docker_build_calls": after - before,
        "examples": len(built.builds), "cached": sum(b.outcome.cached for b in built.builds),
        "statuses": {s: sum(1 for b in built.builds if str(b.outcome.status) == s)
                     for s in sorted({str(b.outcome.status) for b in built.builds})},
        "disagreements": [v.to_dict() for v in verdicts if v.agrees is False],
        "summary_head": text.splitlines()[0],
    }


def bench_builds(paths=None) -> dict:
    """The three runs over the examples of `paths` (default: all of docs/); {"error": ...} when
    no Docker engine answers."""
    from snipcheck.run import project_config

    import subprocess

    if subprocess.run([DOCKER, "version"], capture_output=True).returncode != 0:
        return {"error": f"no Docker engine answers {DOCKER}"}
    report = site_report(project_config(ROOT), paths)
    images = base_images(report)
    figures: dict = {"base_images": images, "pages": [str(p) for p in paths] if paths else ["docs/"]}
    with tempfile.TemporaryDirectory(prefix="snipcheck-bench-") as tmp, PrivateEngines(2) as engines:
        tmp = Path(tmp)
        client, calls = counting_client(tmp)
        hosts = [e.host for e in engines]
        figures["cold_one_engine"] = one_run(report, hosts[:1], tmp / "cache-1", client, calls)
        engines[0].docker("builder", "prune", "-af", timeout=600)  # our own engine: cold again
        figures["cold_two_engines"] = one_run(report, hosts, tmp / "cache-2", client, calls)
        figures["warm_two_engines"] = one_run(report, hosts, tmp / "cache-2", client, calls)
    warm = figures["warm_two_engines"]
    figures["targets"] = {"warm_no_builds": warm["docker_build_calls"] == 0,
                          "warm_under_2s": warm["seconds"] < WARM_TARGET_S}
    return figures


def print_builds(figures: dict) -> None:
    print()
    if "error" in figures:
        print(f"(d) real build of every example: skipped ({figures['error']})")
        return
    print(f"(d) real build of the examples of {', '.join(figures['pages'])} (two private dockerd engines, "
          f"empty at start; base images pulled through the run's world: {', '.join(figures['base_images'])})")
    for key, label in (("cold_one_engine", "cold, one engine "), ("cold_two_engines", "cold, two engines"),
                       ("warm_two_engines", "warm, two engines")):
        run = figures[key]
        print(f"    {label} {run['seconds']:8.2f} s  {run['docker_build_calls']:3d} docker build calls, "
              f"{run['cached']}/{run['examples']} from cache; {run['statuses']}")
    ok = figures["targets"]
    print(f"    warm re-run: 0 docker build calls [{'PASS' if ok['warm_no_builds'] else 'MISS'}], "
          f"under {WARM_TARGET_S:.0f} s of build work [{'PASS' if ok['warm_under_2s'] else 'MISS'}]")
    contradicted = figures["cold_two_engines"]["disagreements"]
    print(f"    rule predictions the real build contradicted: {len(contradicted)}")
    for v in contradicted:
        print(f"      {v['rule']} on {v['example']}: predicted {v['predicted']}; {v['happened']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("paths", nargs="*", help="pages whose examples to build (default: all of docs/)")
    args = parser.parse_args()
    figures = bench_builds(args.paths or None)
    print_builds(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
