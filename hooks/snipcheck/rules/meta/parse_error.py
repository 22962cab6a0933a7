"""DG001: the Dockerfile does not parse."""

from ...rulekit import Violation, rule


@rule(id="DG001", name="parse-error", severity="error", guide="reference/checks.md#parse-errors",
      summary="The Dockerfile cannot be parsed the way BuildKit parses it.",
      aliases=("DL1000",))
def parse_error(df, ctx):
    """
    ## What it does
    Reports text that BuildKit would reject before building anything: an unknown instruction, a
    line continuation at the end of the file, a heredoc that is never closed, an invalid escape
    directive, an empty file.

    ## Why is this bad?
    The build stops at once. In documentation, a snippet that does not parse usually means a
    typo in the page or a fence that swallowed surrounding prose.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM debian:bookworm-slim
    USER 65534:65534
    RUN <<EOF
    echo "never closed"
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM debian:bookworm-slim
    USER 65534:65534
    RUN <<EOF
    echo "closed"
    EOF
    ```

    ## References
    - [Dockerfile reference: parser directives and heredocs](https://docs.docker.com/reference/dockerfile/)
    """
    for err in df.errors:
        yield Violation(err.line, err.message)
