"""DG005: An included snippet file or section cannot be found. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG005", name="include-error", severity="error", guide="reference/checks.md#includes",
      summary="An included snippet file or section cannot be found.",
      checks_instructions=False)
def include_error(df, ctx):
    """
    ## What it does
    Reports a `--8<--` include inside a Dockerfile fence whose file, line range or named section
    does not exist, or that includes itself. Outside Dockerfile fences the page renders as it would
    without the checker, and pymdownx.snippets' own `check_paths` setting decides.

    ## Why is this bad?
    The page renders an empty or truncated code block, so readers copy an incomplete Dockerfile.

    ## Example
    ~~~markdown
    ```dockerfile fragment
    WORKDIR /src
    --8<-- "no-such-file.Dockerfile"
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile fragment
    --8<-- "examples/cache-mounts.Dockerfile:3:6"
    ```
    ~~~

    ## References
    - [pymdownx.snippets](https://facelessuser.github.io/pymdown-extensions/extensions/snippets/)
    """
    return ()
