"""DG401: a Go binary built with cgo on is shipped in a stage without libc."""

from ...analysis.cgo import cgo_on, libc_need
from ...analysis.flow import Flow
from ...analysis.hygiene import chain
from ...analysis.queries import base_info
from ...model import Severity
from ...rulekit import Violation, rule
from ...stages import resolve_stage_ref


@rule(id="DG401", name="cgo-enabled-static-final", severity="error", guide="go-builds.md#cgo-enabled-0",
      summary="Set CGO_ENABLED=0 when the binary goes into scratch or distroless/static.",
      fragment_ok=False,
      requires=("--from",))
def cgo_enabled_static_final(df, ctx):
    r"""
    ## What it does
    Follows `COPY --from=<stage>` from a final stage based on `scratch` or
    `gcr.io/distroless/static` back to the builder, and fires on each `go build` there that runs
    with cgo on (no `CGO_ENABLED=0` on the command, in an `ENV` of the stage's chain, an `ARG`
    default or an `export`) and is not linked statically. What the snippet shows decides how
    sure it is:

    - error: the Go source written in the Dockerfile (heredocs) imports `net`, `os/user`,
      `plugin` or `"C"`, directly or through another package (`net/http` imports `net`), or
      `CGO_ENABLED=1` is written down;
    - warning: cgo is on only by default (the Debian-based golang images have gcc) and the
      source is not shown, so it depends on what the program imports;
    - nothing: `-ldflags '-extldflags "-static"'`, `-tags netgo,osusergo` (unless cgo is
      explicitly on, which means a C dependency), or shown source that imports no cgo package,
      such as a hello world with `fmt` only.

    In `golang:*-alpine`, cgo is off only because there is no C compiler; that is reported as
    info (say it explicitly), and as above once the stage installs gcc or build-base.

    ## Why is this bad?
    With cgo on, `net` and `os/user` link against the C library dynamically. scratch and
    distroless/static have no libc and no dynamic loader, so the container dies at start with
    the misleading `exec /app: no such file or directory`.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
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
    FROM golang:1.27 AS build
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
    flow = Flow.of(df)
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
        for violation in _check_builder(flow, df.stages[idx], final.base):
            if violation not in reported:
                reported.add(violation)
                yield violation


def _check_builder(flow, stage, final_base):
    builder = base_info(flow.df, stage)
    if builder is None or builder.cgo_default is None:
        return
    for st in flow.chain(stage):
        for step, args in flow.go_steps(st):
            if step.cmd.subcommand() != "build":
                continue
            on = cgo_on(flow, st, step, builder.cgo_default)
            if on is None or (on is False and step.env.get("CGO_ENABLED") == "0"):
                continue
            if on is False:
                yield Violation(step.ins.line, f"`go build` in stage {st.label!r} relies on {builder.family} having "
                                               f"no C compiler to disable cgo: set CGO_ENABLED=0 explicitly",
                                Severity.INFO)
                continue
            need = libc_need(flow, st, step, args)
            if need.level == "no":
                continue
            severity = Severity.ERROR if need.level == "yes" else Severity.WARNING
            yield Violation(step.ins.line, f"`go build` in stage {st.label!r} runs with cgo on ({need.why}): "
                                           f"{final_base} has no libc, so the binary would not start; set "
                                           f"CGO_ENABLED=0 or link statically", severity)
