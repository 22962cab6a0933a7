"""DG401: a Go binary built with cgo on is shipped in a stage without libc."""

from ..model import Severity
from ..queries import base_info
from ..rulekit import Violation, rule
from ..shell import run_commands
from ..stages import parse_arg_declarations, parse_env_declarations, resolve_stage_ref

_C_TOOLCHAIN = ("gcc", "build-base", "clang", "musl-dev", "build-essential")


@rule(id="DG401", name="cgo-enabled-static-final", severity="error", guide="go-builds.md#cgo-enabled-0",
      summary="Set CGO_ENABLED=0 when the binary goes into scratch or distroless/static.",
      fragment_ok=False)
def cgo_enabled_static_final(df, ctx):
    """
    ## What it does
    Follows `COPY --from=<stage>` from a final stage based on `scratch` or
    `gcr.io/distroless/static` back to the builder, and fires on each `go build` there that runs
    with cgo on: no `CGO_ENABLED=0` on the command, in an `ENV`, or as an `ARG` default. In a
    Debian-based golang builder cgo is on by default: error. In `golang:*-alpine`, cgo is off
    only because there is no C compiler; that is reported as info (say it explicitly), and as an
    error once the stage installs gcc or build-base.

    ## Why is this bad?
    With cgo on, `net` and `os/user` link against the C library dynamically. scratch and
    distroless/static have no libc and no dynamic loader, so the container dies at start with
    the misleading `exec /app: no such file or directory`.

    ## Example
    ```dockerfile
    FROM golang:1.23 AS build
    WORKDIR /src
    RUN go build -o /out/app .
    FROM scratch
    COPY --from=build /out/app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.23 AS build
    WORKDIR /src
    RUN CGO_ENABLED=0 go build -o /out/app .
    FROM scratch
    COPY --from=build /out/app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [cmd/cgo: CGO_ENABLED and the default when no C compiler is found](https://pkg.go.dev/cmd/cgo)
    """
    final = df.stages[-1] if df.stages else None
    if final is None:
        return
    info = base_info(df, final)
    if info is None or info.libc != "none":
        return
    names = {s.name: s.index for s in df.stages if s.name}
    sources = set()
    for ins in final.instructions:
        for ref in ins.flag_values("from") if ins.keyword == "COPY" else ():
            idx = resolve_stage_ref(ref, names, len(df.stages), final.index)
            if idx is not None:
                sources.add(idx)
    for idx in sorted(sources):
        yield from _check_builder(df, df.stages[idx])


def _check_builder(df, stage):
    builder = base_info(df, stage)
    if builder is None or builder.cgo_default is None:
        return
    cgo_env = None
    has_c_toolchain = False
    for ins in stage.instructions:
        if ins.keyword == "ENV":
            cgo_env = dict(parse_env_declarations(ins.args)).get("CGO_ENABLED", cgo_env)
        elif ins.keyword == "ARG":
            declared = dict(parse_arg_declarations(ins.args))
            if declared.get("CGO_ENABLED") is not None:
                cgo_env = declared["CGO_ENABLED"]
        elif ins.keyword == "RUN":
            for cmd in run_commands(ins):
                if cmd.name in ("apk", "apt-get", "apt") and any(p in cmd.argv for p in _C_TOOLCHAIN):
                    has_c_toolchain = True
                if cmd.name == "export":
                    for word in cmd.argv[1:]:
                        if word.startswith("CGO_ENABLED="):
                            cgo_env = word.split("=", 1)[1]
                if cmd.name != "go" or cmd.subcommand() != "build":
                    continue
                cgo = dict(cmd.env).get("CGO_ENABLED", cgo_env)
                if cgo == "0":
                    continue
                if builder.cgo_default or has_c_toolchain:
                    yield Violation(ins.line, f"`go build` in stage {stage.label!r} runs with cgo on "
                                              f"({builder.family} has a C compiler): the binary needs libc, which "
                                              f"the final image lacks; set CGO_ENABLED=0")
                else:
                    yield Violation(ins.line, f"`go build` in stage {stage.label!r} relies on {builder.family} having "
                                              f"no C compiler to disable cgo: set CGO_ENABLED=0 explicitly", Severity.INFO)
