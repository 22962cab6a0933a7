"""DG614: a one-stage Dockerfile that compiles and ships the result."""

from ...analysis.hygiene import ships, single_stage_build as find_build
from ...rulekit import Violation, rule


@rule(id="DG614", whole_image=True, name="single-stage-build", severity="info", guide="multi-stage.md",
      summary="Compile in a builder stage and copy only the result into the final one.", fragment_ok=False)
def single_stage_build(df, ctx):
    """
    ## What it does
    Fires on the first compile step (`go build`, `cargo build`, `mvn`, `gradle`, `gcc`, `make`,
    `dotnet publish`, ...) of a Dockerfile that has a single stage, which therefore ships its
    toolchain, sources and build caches, and is meant to run (it sets CMD or ENTRYPOINT; a lone
    `FROM golang:1.27 AS build` excerpt is not reported). The classic pre-multi-stage pattern that installs the
    toolchain and removes it in the same RUN, on a base that is not itself an SDK, is left alone.

    ## Why is this bad?
    Everything the build needed stays in the image: the compiler, headers, the module and build
    caches, the sources. A multi-stage build keeps the builder's weight out of the image at no
    cost, and lets the final stage be `scratch` or distroless.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    WORKDIR /src
    COPY hello.c /src/hello.c
    RUN apk add --no-cache gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 && gcc -static -o /usr/local/bin/hello hello.c
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/hello"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS build
    WORKDIR /src
    COPY hello.c /src/hello.c
    RUN apk add --no-cache gcc=13.2.1_git20240309-r0 musl-dev=1.2.5-r0 && gcc -static -o /out/hello hello.c
    FROM scratch
    COPY --from=build /out/hello /hello
    USER 65534:65534
    ENTRYPOINT ["/hello"]
    ```

    ## References
    - [Docker docs: multi-stage builds](https://docs.docker.com/build/building/multi-stage/)
    """
    found = find_build(df) if ships(df) else None
    if found is not None:
        ins, cmd = found
        yield Violation(ins.line, f"`{' '.join(cmd.argv[:2])}` builds in the only stage, so the image ships the "
                                  f"toolchain and sources of {df.stages[0].base_resolved or df.stages[0].base}: "
                                  f"build in a named stage and COPY --from the result")
