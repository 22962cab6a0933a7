"""DG403: a release `go build` without `-ldflags="-s -w"`."""

from ...analysis.gobuild import split_flags, stray_linker_flags
from ...analysis.flow import Flow, expand
from ...rulekit import Violation, rule


@rule(id="DG403", name="go-build-without-strip-flags", severity="info", guide="go-builds.md",
      summary='Strip release binaries with `go build -ldflags="-s -w"`.', fragment_ok=False,
      requires=("go",))
def go_build_without_strip_flags(df, ctx):
    r"""
    ## What it does
    Fires on `go build` or `go install` in a stage that reaches the final image when its
    `-ldflags` (or `-ldflags` in `GOFLAGS`) has no `-s`. Since Go 1.22 `-s` implies `-w`;
    `-w` alone still keeps the symbol table. Debug builds (`-gcflags` with `-N`, `-race`),
    tools installed with `go install tool@version`, compile checks (`go build ./...` without
    `-o`) and stages that do not reach the final image are left alone, and so is a value the
    checker cannot resolve (`-ldflags="$LDFLAGS"` from an ARG without default).

    ## Why is this bad?
    The symbol table and DWARF debug data are a quarter to a third of a Go binary. A container
    image does not need them: stack traces keep their function names and line numbers (those
    live in `pclntab`, which `-s` keeps). Leaving them in makes every pull larger.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -trimpath -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [cmd/link flags](https://pkg.go.dev/cmd/link)
    - [Go 1.22 release notes: -s implies -w](https://go.dev/doc/go1.22#linker)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        if not stage.reaches_final:
            continue
        for step, args in flow.go_steps(stage):
            gcflags = args.get("gcflags") or ""
            if args.has("race") or "-N" in gcflags or stray_linker_flags(step.cmd) or args.installs_tool:
                continue
            if args.get("o") is None and any(p.endswith("...") for p in args.packages):
                continue
            value = args.get("ldflags")
            if value is None:
                goflags = split_flags(step.env.get("GOFLAGS") or "")
                value = next((f.split("=", 1)[1] for f in goflags if f.lstrip("-").startswith("ldflags=")), "")
            value = expand(value, step.env)
            if value is None:
                continue
            flags = split_flags(value)
            if not any(f in ("-s", "--s", "-s=true", "-s=1") for f in flags):
                what = "-ldflags without -s" if flags else "no -ldflags"
                yield Violation(step.ins.line, f"`go {step.cmd.subcommand()}` in stage {stage.label!r} has {what}: "
                                               f'add -ldflags="-s -w" to drop the symbol table and debug data')
