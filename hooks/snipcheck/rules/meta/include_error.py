"""DG005: An included snippet file or section cannot be found. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG005", name="include-error", severity="error", guide="reference/checks.md#includes",
      summary="An included snippet file or section cannot be found.",
      checks_instructions=False)
def include_error(df, ctx):
    """
    ## What it does
    Reports a `--8<--` include whose file, line range or named section does not exist, or that
    includes itself.

    ## Why is this bad?
    The page renders an empty or truncated code block, so readers copy an incomplete Dockerfile.

    ## Example
    ~~~markdown
    --8<-- "no-such-file.Dockerfile"
    ~~~

    ## Use instead
    ~~~markdown
    --8<-- "app/go.mod"
    ~~~

    ## References
    - [pymdownx.snippets](https://facelessuser.github.io/pymdown-extensions/extensions/snippets/)
    """
    return ()
