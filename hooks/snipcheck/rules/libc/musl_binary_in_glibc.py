"""DG602: a dynamically linked musl binary copied into a glibc, distroless or scratch image."""

from ...analysis.paths import shipped_binaries
from ...analysis.cgo import cgo_on, libc_need
from ...analysis.gobuild import c_static_link, go_args
from ...analysis.flow import Flow
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG602", name="musl-binary-in-glibc", severity="warning", guide="libc.md",
      summary="A binary linked dynamically against musl does not run on glibc, distroless or scratch.",
      fragment_ok=False)
def musl_binary_in_glibc(df, ctx):
    """
    ## What it does
    The reverse of DG601 (glibc-binary-in-alpine): follows each `COPY --from` of the final
    image to the build that produced the file and fires when it was built in an Alpine (musl)
    stage and linked dynamically, while the final image is glibc-based (`debian`, `ubuntu`,
    `distroless/base`, `distroless/cc`) or has no libc at all (`scratch`, `distroless/static`).
    For Go this means cgo on (`CGO_ENABLED=1`, or gcc/build-base installed without
    `CGO_ENABLED=0`) and no `-extldflags -static`; a Go binary bound for scratch or
    distroless/static is left to DG401 (cgo-enabled-static-final). For C, a compile without
    `-static`.

    ## Why is this bad?
    A dynamic musl binary asks for the loader `/lib/ld-musl-x86_64.so.1`, which only Alpine
    has: the container fails with `exec /app: no such file or directory`. Build static, or
    build in a stage with the same libc as the final image.

    ## Example
    ```dockerfile
    FROM alpine:3.24 AS build
    RUN apk add --no-cache build-base=0.5-r3
    WORKDIR /src
    COPY hello.c ./
    RUN gcc -O2 -o /src/hello hello.c
    FROM gcr.io/distroless/base-debian13:nonroot
    COPY --from=build /src/hello /hello
    ENTRYPOINT ["/hello"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS build
    RUN apk add --no-cache build-base=0.5-r3
    WORKDIR /src
    COPY hello.c ./
    RUN gcc -O2 -static -o /src/hello hello.c
    FROM gcr.io/distroless/base-debian13:nonroot
    COPY --from=build /src/hello /hello
    ENTRYPOINT ["/hello"]
    ```

    ## References
    - [musl FAQ: binary compatibility with glibc](https://wiki.musl-libc.org/faq)
    """
    flow = Flow.of(df)
    if not df.stages:
        return
    final = df.stages[-1]
    target = base_info(df, final)
    if target is None or target.libc not in ("glibc", "none"):
        return
    for ins, path, built in shipped_binaries(flow, final):
        builder = base_info(df, built.stage)
        if builder is None or builder.libc != "musl":
            continue
        if built.kind == "go":
            args = go_args(built.step.cmd)
            if target.libc == "none" or args is None:
                continue  # a Go binary bound for scratch or distroless/static is DG401's
            if not cgo_on(flow, built.stage, built.step, builder.cgo_default):
                continue
            need = libc_need(flow, built.stage, built.step, args)
            if need.level == "no":
                continue
            why = need.why
        elif c_static_link(built.step.cmd.argv):
            continue
        else:
            why = "compiled without -static"
        yield Violation(ins.line, f"{path} is built in musl stage {built.stage.label!r} ({built.stage.base_resolved}, "
                                  f"{why}) and linked dynamically: {final.base} has no musl loader; link statically "
                                  f"or build on a {target.libc if target.libc != 'none' else 'static'} base")
