"""DG013: The example's real build or run went over a limit. Reported by the real build (snipcheck.builder), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG013", name="build-limit-exceeded", severity="error", guide="reference/security.md#limits",
      summary="The example's build or run took too long, or its image or a layer is too large.",
      checks_instructions=False)
def build_limit_exceeded(df, ctx):
    """
    ## What it does
    Reports an example whose real build went over one of the limits: `build_timeout` for its
    build, `run_timeout` for its selfcheck run, `total_build_timeout` for the whole real build
    (examples not started by then), `max_image_bytes` for its image and `max_layer_bytes` for
    any one layer. The build or run is stopped and its image removed.

    ## Why is this bad?
    A build that hangs, or fills the disk with a huge layer, blocks or breaks the machine that
    checks the site for everyone. Here a RUN writes a 2 GB file into a layer.

    ## Example
    ~~~markdown
    ```dockerfile
    FROM debian:bookworm-slim
    RUN head -c 2000000000 /dev/zero > /big
    COPY app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile
    FROM debian:bookworm-slim
    COPY app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## References
    - [docker build](https://docs.docker.com/reference/cli/docker/buildx/build/)
    """
    return ()
