"""DG229: COPY --from=<stage> / /."""

from .support import copy_paths
from ...analysis.queries import instructions
from ...rulekit import Violation, rule


@rule(id="DG229", name="copy-entire-filesystem", severity="warning", guide="multi-stage.md#copy-from",
      summary="Do not copy a stage's entire filesystem; copy the files the image needs.", aliases=("DL3067",),
      requires=("--from",))
def copy_entire_filesystem(df, ctx):
    """
    ## What it does
    Fires on `COPY --from=<stage> / /`: the whole root filesystem of another stage or image onto
    the root of this one.

    ## Why is this bad?
    It brings everything along: compilers, package caches, shells, the source code, often secrets
    a build step left behind. That undoes the point of a multi-stage build, and the image is as
    large as the builder. Copy the binary and the few files it needs.

    ## Example
    ```dockerfile
    FROM alpine:3.24 AS base
    RUN mkdir -p /srv/data
    FROM scratch
    COPY --from=base / /
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS base
    RUN mkdir -p /srv/data
    FROM scratch
    COPY --from=base /srv/data /srv/data
    USER 65534:65534
    ```

    ## References
    - [hadolint DL3067](https://github.com/hadolint/hadolint/wiki/DL3067)
    """
    for ins in instructions(df, "COPY"):
        ref = ins.flag("from")
        sources, dest = copy_paths(ins)
        if ref and dest == "/" and "/" in sources:
            yield Violation(ins.line, f"COPY --from={ref} / / copies the stage's entire filesystem")
