"""`make fuzz`: the properties of tests/test_fuzz.py with many random examples (100,000 by default).

Same strategies and invariants (tests/fuzz_strategies.py), but random rather than derandomized, so
each run explores new inputs; `--seed` repeats one. A failure prints the shrunk input and exits 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

import fuzz_strategies as fz  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000, help="examples per property (default 100000)")
    parser.add_argument("--seed", type=int, help="repeat a run (default: random)")
    parser.add_argument("--only", choices=("markdown", "dockerfile", "hostile"), help="run one property")
    args = parser.parse_args()

    config = settings(max_examples=args.examples, deadline=None, database=None, print_blob=True,
                      suppress_health_check=list(HealthCheck))
    def markdown(page_and_includes) -> None:
        fz.check_page(*page_and_includes)

    def dockerfile(text) -> None:
        fz.check_dockerfile(text)

    def hostile(name_and_page) -> None:  # file names, fence options, include paths on a real file system
        fz.check_hostile(*name_and_page)

    properties = {"markdown": given(fz.markdown_pages())(markdown), "dockerfile": given(fz.dockerfiles())(dockerfile),
                  "hostile": given(fz.hostile_pages())(hostile)}
    dockerfiles, pages = fz.corpus()
    print(f"corpus: {len(dockerfiles)} Dockerfiles, {len(pages)} Markdown pages")
    failed = False
    for name, prop in properties.items():
        if args.only and name != args.only:
            continue
        test = config(prop)
        if args.seed is not None:
            test = seed(args.seed)(test)
        start = time.perf_counter()
        print(f"{name}: {args.examples} examples ...", flush=True)
        try:
            test()
        except Exception as exc:  # hypothesis has printed the falsifying example
            failed = True
            first = (str(exc).splitlines() or [""])[0][:300]
            print(f"{name}: FAILED after {time.perf_counter() - start:.0f} s: {type(exc).__name__}: {first}")
        else:
            print(f"{name}: passed in {time.perf_counter() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
