"""DG227: go install / go get / go run of a remote package without a version."""

from ...analysis.hygiene import chain
from ...analysis.queries import copy_words, effective, instructions, stage_at
from ...rulekit import Violation, rule
from ...analysis.shell import Command, run_commands

_VALUE_FLAGS = frozenset("C o p asmflags buildmode buildvcs compiler gccgoflags gcflags installsuffix ldflags mod "
                         "modfile overlay pgo pkgdir tags toolexec exec".split())


@rule(id="DG227", name="go-install-version-unpinned", severity="warning", guide="go-builds.md",
      summary="Pin remote packages in `go install`/`go get`/`go run` (`pkg@v1.2.3`, not `@latest`).",
      aliases=("DL3062",),
      requires=("go",))
def go_install_version_unpinned(df, ctx):
    """
    ## What it does
    Fires on `go install`, `go get` and `go run` of a remote package without a version or with
    `@latest`. Local packages (`.`, `./cmd/app`, absolute paths) are built from the sources and
    are fine. So is `go install` or `go run` of a package path without a version after the stage
    has copied files in (COPY, ADD, a bind mount): in module mode the go.mod among them pins the
    version, and in GOPATH mode (Go before 1.16, `/go/src/...`) the path names the copied sources;
    `pkg@version` would ignore the go.mod, or not build at all before Go 1.16. `go get` without a
    version always takes the newest release, and `@latest` is never pinned.

    ## Why is this bad?
    `@latest` (or no version, for `go get`) resolves to whatever the module proxy knows at build
    time: a tool such as a code generator or linter changes under you between two builds of the
    same commit. `@v1.2.3` makes the build reproducible and the upgrade a visible change.

    ## Example
    ```dockerfile fragment
    RUN go install github.com/go-delve/delve/cmd/dlv@latest
    ```

    ## Use instead
    ```dockerfile fragment
    RUN go install github.com/go-delve/delve/cmd/dlv@v1.24.0
    ```

    ## References
    - [hadolint DL3062](https://github.com/hadolint/hadolint/wiki/DL3062)
    """
    for ins in instructions(df, "RUN"):
        loose = [p for cmd in run_commands(ins) for p in _unpinned(cmd)]
        if loose and not any(p[0] == "get" or p[1].endswith("@latest") for p in loose) and _has_sources(df, ins):
            continue  # go.mod pins them (module mode), or they are the copied sources (GOPATH mode)
        if loose:
            yield Violation(ins.line, f"`go {loose[0][0]} {loose[0][1]}` is not pinned: use "
                                      f"`{loose[0][1].rpartition('@')[0] or loose[0][1]}@<version>`")


def _unpinned(cmd: Command) -> list[tuple[str, str]]:
    if cmd.name != "go" or len(cmd.argv) < 2 or cmd.argv[1] not in ("install", "get", "run"):
        return []
    packages, skip = [], False
    for arg in cmd.argv[2:]:
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = "=" not in arg and arg.lstrip("-") in _VALUE_FLAGS
        else:
            packages.append(arg)
            if cmd.argv[1] == "run":
                break  # the rest are the program's own arguments
    return [(cmd.argv[1], p) for p in packages
            if not p.startswith((".", "/")) and "$" not in p and ("@" not in p or p.endswith("@latest"))]


def _has_sources(df, run) -> bool:
    """Did the RUN's stage (or a stage it is built FROM, all above it) copy files in before it: a
    COPY or ADD other than a download, or a bind mount on this or an earlier RUN?"""
    stage = stage_at(df, run.line)
    above = [i for st in chain(df, stage) for i in st.instructions] if stage is not None else df.instructions
    for ins in map(effective, above):
        if ins.line > run.line:
            continue
        if ins.keyword in ("COPY", "ADD") and (ins.flag("from") is not None or any(
                not w.startswith(("http://", "https://")) for w in copy_words(ins)[:-1])):
            return True
        if ins.keyword == "RUN" and any("type=bind" in m or "type=" not in m for m in ins.flag_values("mount")):
            return True
    return False
