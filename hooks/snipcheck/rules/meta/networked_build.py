"""DG014: The example was built with the network. Reported by the real build (snipcheck.builder), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG014", name="networked-build", severity="info", guide="reference/security.md#builds",
      summary="The example was built with the network (it declared network=\"build\"); its run had none.",
      checks_instructions=False)
def networked_build(df, ctx):
    """
    ## What it does
    Marks an example that declared `network="build"` on its fence (or a
    `# snipcheck: network` line) and was built with the network. Its run still had none. Every
    report shows the mark: the box under the example, report.json, SARIF and the text output.

    ## Why is this bad?
    It is not bad in itself: installing distribution packages needs a mirror. But the result
    depends on servers outside the check, and the build could reach anything the machine can.
    Builds of pull requests from forks switch it off (`allow_network: false`).

    ## Example
    ~~~markdown
    ```dockerfile network="build"
    FROM debian:trixie-slim
    RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311 \\
        && rm -rf /var/lib/apt/lists/*
    COPY app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## References
    - [docker build --network](https://docs.docker.com/reference/cli/docker/buildx/build/#network)
    """
    return ()
