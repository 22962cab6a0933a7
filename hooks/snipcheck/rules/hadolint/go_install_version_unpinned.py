"""DG227: go install / go get / go run of a remote package without a version."""

from ...analysis.queries import instructions
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
    are fine.

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
