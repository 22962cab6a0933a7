"""DG601: a binary built against glibc copied into an Alpine (musl) final image."""

from ...analysis.paths import shipped_binaries
from ...analysis.cgo import cgo_on, libc_need
from ...analysis.gobuild import c_static_link, go_args
from ...analysis.flow import Flow
from ...model import Severity
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG601", name="glibc-binary-in-alpine", severity="warning", guide="libc.md",
      summary="A binary linked against glibc does not run on Alpine (musl).", fragment_ok=False)
def glibc_binary_in_alpine(df, ctx):
    r"""
    ## What it does
    Follows each `COPY --from` of the final stage (and the stages it is built `FROM`) to the
    `go build` or C compile that produced the file, through intermediate stages. Fires when the
    final image is musl-based (`alpine`) and the binary was built in a glibc stage (`golang`,
    `debian`, `ubuntu`): a warning when `go build` leaves cgo at its default (on in the
    Debian-based golang images) and the source is not shown, an error when `CGO_ENABLED=1` is
    written down, the Go source written in the Dockerfile imports a cgo package (`net`,
    `os/user`, `"C"`, also through `net/http`), or the binary comes from a C compiler.
    `CGO_ENABLED=0`, `-extldflags -static`, `-tags netgo,osusergo`, shown source that imports
    no cgo package, and `gcc -static` pass.

    ## Why is this bad?
    With cgo on, a Go binary that imports `net` or `os/user` is linked dynamically against
    glibc and its loader `/lib64/ld-linux-x86-64.so.2`. Alpine has neither, so the container
    fails with the baffling `exec /app: no such file or directory`, or, with `gcompat`
    installed, fails later in DNS lookups.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        go build -ldflags="-s -w" -o /out/app .
    FROM alpine:3.24
    COPY --from=build /out/app /usr/local/bin/app
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM alpine:3.24
    COPY --from=build /out/app /usr/local/bin/app
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## References
    - [Alpine wiki: running glibc programs](https://wiki.alpinelinux.org/wiki/Running_glibc_programs)
    """
    flow = Flow.of(df)
    if not df.stages:
        return
    final = df.stages[-1]
    target = base_info(df, final)
    if target is None or target.libc != "musl":
        return
    for ins, path, built in shipped_binaries(flow, final):
        builder = base_info(df, built.stage)
        if builder is None or builder.libc != "glibc":
            continue
        if built.kind == "c":
            if c_static_link(built.step.cmd.argv):
                continue
            yield Violation(ins.line, f"{path} was compiled in glibc stage {built.stage.label!r} "
                                      f"({built.stage.base_resolved}) and is linked dynamically: it cannot start on "
                                      f"{final.base}; link with -static or build on Alpine", Severity.ERROR)
            continue
        args = go_args(built.step.cmd)
        if args is None or not cgo_on(flow, built.stage, built.step, builder.cgo_default):
            continue
        need = libc_need(flow, built.stage, built.step, args)
        if need.level == "no":
            continue
        severity = Severity.ERROR if need.level == "yes" else None
        yield Violation(ins.line, f"{path} is built in glibc stage {built.stage.label!r} ({built.stage.base_resolved}; "
                                  f"{need.why}): it needs glibc, which {final.base} lacks; set CGO_ENABLED=0 for a "
                                  f"static binary", severity)
