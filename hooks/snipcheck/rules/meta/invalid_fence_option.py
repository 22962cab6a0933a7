"""DG002: A Dockerfile fence has an unknown or malformed option. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG002", name="invalid-fence-option", severity="error", guide="reference/checks.md#fence-options",
      summary="A Dockerfile fence has an unknown or malformed option.",
      checks_instructions=False)
def invalid_fence_option(df, ctx):
    """
    ## What it does
    Reports fence options the checker does not know (`expct=`), values without quotes, an
    `expect=` naming a rule that does not exist, or `fragment` on a snippet that has a FROM.

    ## Why is this bad?
    With an unknown option, SuperFences silently renders the block as plain text, and an
    expectation that is never read lets a broken example pass unnoticed.

    ## Example
    ~~~markdown
    ```dockerfile title=Dockerfile
    FROM alpine:3.24
    USER 65534:65534
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile title="Dockerfile"
    FROM alpine:3.24
    USER 65534:65534
    ```
    ~~~

    ## References
    - [SuperFences custom fences](https://facelessuser.github.io/pymdown-extensions/extensions/superfences/)
    """
    return ()
