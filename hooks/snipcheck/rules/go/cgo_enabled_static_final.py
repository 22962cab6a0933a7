"""DG401: a Go binary built with cgo on is shipped in a stage without libc."""

from ...analysis.hygiene import chain
from ...model import Severity
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands
from ...stages import parse_arg_declarations, parse_env_declarations, resolve_stage_ref

_C_TOOLCHAIN = ("gcc", "build-base", "clang", "musl-dev", "build-essential")


@rule(id="DG401", name="cgo-enabled-static-final", severity="error", guide="go-builds.md#cgo-enabled-0",
      summary="Set CGO_ENABLED=0 when the binary goes into scratch or distroless/static.",
      fragment_ok=False)
def cgo_enabled_static_final(df, ctx):
    """
    ## What it does
    Follows `COPY --from=<stage>` from a final stage based on `scratch` or
    `gcr.io/distroless/static` back to the builder, and fires on each `go build` there that runs
    with cgo on: no `CGO_ENABLED=0` on the command, in an `ENV` (also one of a stage the builder
    is built `FROM`), or as an `ARG` default. In a Debian-based golang builder cgo is on by
    default: error. In `golang:*-alpine`, cgo is off only because there is no C compiler; that is
    reported as info (say it explicitly), and as an error once the stage installs gcc or
    build-base.

    ## Why is this bad?
    With cgo on, `net` and `os/user` link against the C library dynamically. scratch and
    distroless/static have no libc and no dynamic loader, so the container dies at start with
    the misleading `exec /app: no such file or directory`.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.23 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        go build -ldflags="-s -w" -o /out/app .
    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    COPY --from=build /out/app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.23 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
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
    for st in chain(df, final):  # the final image also holds what its FROM-<stage> ancestors copied
        for ins in st.instructions:
            for ref in ins.flag_values("from") if ins.keyword == "COPY" else ():
                idx = resolve_stage_ref(ref, names, len(df.stages), st.index)
                if idx is not None:
                    sources.add(idx)
    reported = set()  # two copied stages may share the ancestor that ran `go build`
    for idx in sorted(sources):
        for violation in _check_builder(df, df.stages[idx]):
            if violation not in reported:
                reported.add(violation)
                yield violation


def _check_builder(df, stage):
    builder = base_info(df, stage)
    if builder is None or builder.cgo_default is None:
        return
    inherited_env = None  # ENV and installed packages carry over to stages built FROM this one; ARG does not
    has_c_toolchain = False
    for st in chain(df, stage):
        cgo_env = inherited_env
        for ins in st.instructions:
            if ins.keyword == "ENV":
                declared = dict(parse_env_declarations(ins.args))
                if "CGO_ENABLED" in declared:
                    cgo_env = inherited_env = declared["CGO_ENABLED"]
            elif ins.keyword == "ARG":
                declared = dict(parse_arg_declarations(ins.args))
                if declared.get("CGO_ENABLED") is not None:
                    cgo_env = declared["CGO_ENABLED"]
            elif ins.keyword == "RUN":
                yield from _check_run(ins, st, builder, cgo_env, has_c_toolchain)
                has_c_toolchain = has_c_toolchain or any(
                    cmd.name in ("apk", "apt-get", "apt") and any(p in cmd.argv for p in _C_TOOLCHAIN)
                    for cmd in run_commands(ins))


def _check_run(ins, stage, builder, cgo_env, has_c_toolchain):
    for cmd in run_commands(ins):
        if cmd.name in ("apk", "apt-get", "apt") and any(p in cmd.argv for p in _C_TOOLCHAIN):
            has_c_toolchain = True
        if cmd.name == "export":  # lasts until the end of this RUN only
            for word in cmd.argv[1:]:
                if word.startswith("CGO_ENABLED="):
                    cgo_env = word.split("=", 1)[1]
        if cmd.name != "go" or cmd.subcommand() != "build":
            continue
        if dict(cmd.env).get("CGO_ENABLED", cgo_env) == "0":
            continue
        if builder.cgo_default or has_c_toolchain:
            yield Violation(ins.line, f"`go build` in stage {stage.label!r} runs with cgo on "
                                      f"({builder.family} has a C compiler): the binary needs libc, which "
                                      f"the final image lacks; set CGO_ENABLED=0")
        else:
            yield Violation(ins.line, f"`go build` in stage {stage.label!r} relies on {builder.family} having "
                                      f"no C compiler to disable cgo: set CGO_ENABLED=0 explicitly", Severity.INFO)
