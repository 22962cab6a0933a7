"""DG402: `go build -a` and `-installsuffix cgo`, leftovers from Go before 1.10."""

from ...analysis.gobuild import go_args
from ...analysis.queries import run_command_lines
from ...rulekit import Violation, rule


@rule(id="DG402", name="go-build-obsolete-flags", severity="info", guide="go-builds.md#cgo-enabled-0",
      summary="Drop `-a` and `-installsuffix cgo` from `go build`: obsolete, and `-a` defeats the build cache.",
      requires=("go",))
def go_build_obsolete_flags(df, ctx):
    """
    ## What it does
    Fires on `go build` or `go install` with `-a` or `-installsuffix` (usually
    `-a -installsuffix cgo`, copied from tutorials written for Go 1.4 to 1.9).

    ## Why is this bad?
    Since Go 1.10 the build cache knows whether a package was built with cgo, so
    `-installsuffix cgo` does nothing. `-a` forces every package, the standard library included,
    to be rebuilt on every build: it throws away the build cache (and a cache mount with it) and
    adds a minute to each build for no gain. `CGO_ENABLED=0` alone gives the static binary.

    ## Example
    ```dockerfile fragment
    RUN CGO_ENABLED=0 go build -a -installsuffix cgo -ldflags="-s -w" -o /out/app .
    ```

    ## Use instead
    ```dockerfile fragment
    RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    ```

    ## References
    - [Go 1.10 release notes: build cache](https://go.dev/doc/go1.10#build)
    """
    for ins, cmd in run_command_lines(df):
        args = go_args(cmd)
        if args is None:
            continue
        if args.has("a"):
            yield Violation(ins.line, f"`go {cmd.subcommand()} -a` rebuilds every package on each build and defeats "
                                      f"the build cache: drop it")
        suffix = args.get("installsuffix")
        if suffix is not None:
            yield Violation(ins.line, f"`-installsuffix {suffix}` has had no effect since Go 1.10 (the build cache "
                                      f"tracks cgo): drop it")
