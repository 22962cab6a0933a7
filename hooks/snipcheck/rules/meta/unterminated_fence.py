"""DG006: A Dockerfile fence is never closed or is not indented consistently. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG006", name="unterminated-fence", severity="error", guide="reference/checks.md#fences",
      summary="A Dockerfile fence is never closed or is not indented consistently.",
      checks_instructions=False)
def unterminated_fence(df, ctx):
    """
    ## What it does
    Reports a Dockerfile fence that has no closing fence of the same length, or whose content is
    indented less than the opening fence (inside a list, admonition or tab).

    ## Why is this bad?
    SuperFences does not render such a block as code: the Dockerfile appears as a paragraph of
    text, and the rest of the page may be swallowed.

    ## Example
    ~~~markdown
    !!! tip
        ```dockerfile
    FROM scratch
    USER 65534:65534
        ```
    ~~~

    ## Use instead
    ~~~markdown
    !!! tip
        ```dockerfile
        FROM scratch
        USER 65534:65534
        ```
    ~~~

    ## References
    - [SuperFences: nested fences](https://facelessuser.github.io/pymdown-extensions/extensions/superfences/)
    """
    return ()
