"""DG507: a distroless :debug image as the final base."""

from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG507", name="distroless-debug-final", severity="info", guide="base-images.md",
      summary="Ship distroless without `:debug`; use the debug tag only to investigate.", fragment_ok=False)
def distroless_debug_final(df, ctx):
    """
    ## What it does
    Fires when the final stage (directly or through `FROM <stage>`) is based on a distroless
    `:debug` or `:debug-nonroot` tag. Debug tags in a stage that does not become the image
    (for example one used only with `--target`) pass.

    ## Why is this bad?
    The `:debug` variants add a busybox shell and tools to an image whose point is to have none:
    more to scan and patch, and a shell for anyone who gets code execution in the container.
    They are meant for `docker run --entrypoint=sh` while investigating, not for production.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian12:debug-nonroot
    COPY app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian12:nonroot
    COPY app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [distroless: debug images](https://github.com/GoogleContainerTools/distroless#debug-images)
    """
    if not df.stages:
        return
    final = df.stages[-1]
    info = base_info(df, final)
    if info is not None and info.debug:
        root = final
        while root.parent is not None and root.parent != root.index:
            root = df.stages[root.parent]
        yield Violation(final.from_instruction.line, f"the final image is based on {root.base_resolved}, a debug "
                                                     f"variant with a busybox shell: ship the tag without :debug")
