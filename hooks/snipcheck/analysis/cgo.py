"""Does a `go build` need libc at run time, and does the program read CA certificates? Inferred
from what the snippet shows: the Go source it writes with heredocs, the build's cgo setting,
`-tags` and `-ldflags`. Used by DG401 (cgo-enabled-static-final), DG501 and DG601/DG602.

The answer says how sure it is: "no" (static, or no cgo package reached), "yes" (shown source
reaches a cgo package, or CGO_ENABLED=1 is written down without a static link), "maybe" (cgo is on
by default and the source is not shown: most services import net/http, some do not).
"""

from __future__ import annotations

import json
import re
from ..patterns import LazyPattern
from ..records import dataclass
from functools import lru_cache
from pathlib import Path

from .flow import Flow, Step
from .gobuild import GoArgs, split_flags
from .queries import copy_words
from ..stages import Stage, mount_options

_PACKAGE = LazyPattern(r"^\s*package\s+\w+", re.M)
_IMPORT_ONE = LazyPattern(r'^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"', re.M)
_IMPORT_BLOCK = LazyPattern(r"^\s*import\s*\((.*?)\)", re.M | re.S)
_IMPORT_PATH = LazyPattern(r'"([^"\n]+)"|`([^`\n]+)`')  # inside an import block, every string is a path
_COMMENT = LazyPattern(r"//[^\n]*|/\*.*?\*/", re.S)
_GO_META = frozenset({"go.mod", "go.sum", "go.work", "go.work.sum"})
_FETCHERS = frozenset({"git", "curl", "wget", "tar", "unzip"})
# What the letters of data/go_std.json mean for linking: with cgo on, each of these is a cgo package
# (net's resolver, os/user's lookups, plugin, an `import "C"` of its own).
_DYNAMIC = {"n": "net", "u": "os/user", "p": "plugin", "c": "cgo"}

DATA = Path(__file__).resolve().parent.parent / "data"  # package data, installed as files


@lru_cache(maxsize=1)
def std_packages() -> dict[str, str]:
    """Importable standard-library packages -> what they reach (see tools/gen_go_std.py)."""
    text = (DATA / "go_std.json").read_text("utf-8")
    return json.loads(text)["packages"]


def go_imports(source: str) -> frozenset[str] | None:
    """Import paths of one Go source file (`"C"` included); None when the text is not Go source."""
    if not _PACKAGE.search(source):
        return None
    code = _COMMENT.sub("", source)
    found = set(_IMPORT_ONE.findall(code))
    for block in _IMPORT_BLOCK.findall(code):
        found.update(a or b for a, b in _IMPORT_PATH.findall(block))
    return frozenset(found)


@dataclass(frozen=True)
class Shown:
    """The Go source a build can see, as far as the Dockerfile shows it."""

    imports: frozenset[str]
    files: int  # Go files written with heredocs
    complete: bool  # no other source can reach the build (no context COPY, bind mount, download)

    @property
    def known(self) -> bool:
        """Every import is visible and in the standard library."""
        std = std_packages()
        return self.complete and self.files > 0 and all(i in std or i == "C" for i in self.imports)

    def reaches(self, letters: str) -> list[str]:
        """The shown imports that reach any of `letters` (e.g. "nu"), with "C" for import "C"."""
        std = std_packages()
        return sorted(i for i in self.imports
                      if (i == "C" and "c" in letters) or set(std.get(i, "")) & set(letters))


def shown_source(flow: Flow, stage: Stage, before_line: float = float("inf")) -> Shown:
    """Go source written by heredocs in `stage`'s FROM chain up to `before_line` (the build's
    RUN), and whether that is all the Go source a build there can see."""
    imports: set[str] = set()
    files, complete = 0, True
    for st in flow.chain(stage):
        for ins in st.instructions:
            if ins.line > before_line:  # the build's own RUN counts: its mounts bring sources too
                break
            for doc in ins.heredocs:
                found = go_imports(doc.body)
                if found is not None:
                    files += 1
                    imports |= found
            if ins.keyword in ("COPY", "ADD") and not ins.heredocs:
                words = list(copy_words(ins))
                if ins.flag("from") is not None or any(w.rsplit("/", 1)[-1] not in _GO_META for w in words[:-1]):
                    complete = False
            elif ins.keyword == "RUN":
                if any(mount_options(m).get("type", "bind") == "bind" for m in ins.flag_values("mount")):
                    complete = False
                if any(step.cmd.name in _FETCHERS for step in flow.steps_of(st, ins)):
                    complete = False
    return Shown(frozenset(imports), files, complete)


@dataclass(frozen=True)
class LibcNeed:
    level: str  # "no", "maybe", "yes"
    why: str  # for messages: what makes it so


def cgo_on(flow: Flow, stage: Stage, step: Step, cgo_default: bool | None) -> bool | None:
    """Is cgo on for this `go build` in `stage`? None when it cannot be told (the builder's
    default is unknown, or CGO_ENABLED comes from a build argument without a default)."""
    value = step.env.get("CGO_ENABLED")
    if value in ("0", "1"):
        return value == "1"
    if "CGO_ENABLED" in step.env:
        return None
    if flow.has_c_toolchain(stage, step.ins.line):
        return True  # the golang Alpine images lack a C compiler; installing one turns cgo on
    return cgo_default


def libc_need(flow: Flow, stage: Stage, step: Step, args: GoArgs) -> LibcNeed:
    """Whether the binary of this `go build` (cgo on) is linked dynamically against libc."""
    ldflags = split_flags(args.get("ldflags") or "")
    extld = " ".join(ldflags[i + 1] for i, f in enumerate(ldflags[:-1]) if f.lstrip("-") == "extldflags")
    extld += " " + " ".join(f.split("=", 1)[1] for f in ldflags if f.lstrip("-").startswith("extldflags="))
    if {"-static", "--static", "-static-pie"} & set(split_flags(extld)):
        return LibcNeed("no", "-extldflags -static links libc into the binary")
    tags = set(re.split(r"[,\s]+", args.get("tags") or ""))
    pure = ("n" if "netgo" in tags else "") + ("u" if "osusergo" in tags else "")
    letters = "".join(k for k in _DYNAMIC if k not in pure)
    shown = shown_source(flow, stage, step.ins.line)
    dynamic = shown.reaches(letters)
    if dynamic:
        return LibcNeed("yes", f"the source imports {', '.join(dynamic)}, which use{'s' if len(dynamic) == 1 else ''} "
                               f"the C library when cgo is on")
    if shown.known:
        return LibcNeed("no", "the source shown imports no package that uses cgo")
    if step.env.get("CGO_ENABLED") == "1" or flow.has_c_toolchain(stage, step.ins.line):
        how = "CGO_ENABLED=1 is set" if step.env.get("CGO_ENABLED") == "1" else "a C compiler is installed"
        return LibcNeed("yes", f"{how}, which means a C dependency: it links against libc dynamically unless the "
                               f"build adds -extldflags -static")
    if not letters.replace("p", "").replace("c", ""):
        return LibcNeed("no", "-tags netgo,osusergo selects the pure Go resolver and user lookup")
    return LibcNeed("maybe", "cgo is on by default here: if the program imports net (net/http does), os/user or a "
                             "cgo package, the binary needs libc")


def reads_ca_certificates(flow: Flow, stage: Stage) -> bool | None:
    """For the `go build`s in `stage`'s chain: False when all build shown source that never
    reaches crypto/x509, True when one builds shown source that does, None when it cannot be told."""
    builds = [step for st in flow.chain(stage) for step in flow.run_steps(st)
              if step.cmd.name == "go" and step.cmd.subcommand() in ("build", "install")]
    answers = set()
    for step in builds:
        shown = shown_source(flow, stage, step.ins.line)
        answers.add(True if shown.reaches("x") else (False if shown.known else None))
    if True in answers:
        return True
    return False if answers == {False} else None
