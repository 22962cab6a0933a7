"""DG012: The real build refused the example before starting it. Reported by the real build (snipcheck.builder), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG012", name="build-refused", severity="error", guide="reference/security.md#builds",
      summary="The real build refused the example: an image that is not a locked base image, or the network.",
      checks_instructions=False)
def build_refused(df, ctx):
    """
    ## What it does
    Before a real build, every image the example names (`FROM`, `COPY --from`,
    `RUN --mount=from=`, the `# syntax=` frontend) must be a locked base image (an entry of
    `snippets/images.lock`: the exact repository and tag, or a digest the lock holds) or an
    earlier stage of the example, and an example that asks for the network (`network="build"`)
    is refused while networked builds are switched off (`allow_network: false`). Anything else
    is refused without building. When the guide means to use a new base image, run
    `snipcheck images lock` and commit the lock.

    ## Why is this bad?
    The engine that builds the examples holds other images (other examples, other projects). An
    example that copies from a local image could publish that image's files in its build
    output. Here the example reads `/etc` of an image that has no business in the guide.

    ## Example
    ~~~markdown
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=registry.example.com/internal/tools:1 /etc/passwd /etc/passwd
    COPY app /app
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
    - [Dockerfile reference: COPY --from](https://docs.docker.com/reference/dockerfile/#copy---from)
    """
    return ()
