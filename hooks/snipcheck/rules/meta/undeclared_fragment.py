"""DG007: A snippet without FROM is not declared as a fragment. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG007", name="undeclared-fragment", severity="warning", guide="reference/checks.md#fragments",
      summary="A snippet without FROM is not declared as a fragment.",
      checks_instructions=False)
def undeclared_fragment(df, ctx):
    """
    ## What it does
    Fires on a snippet that has instructions but no FROM line, unless its fence says `fragment`.
    Instruction-level rules still run on fragments; stage-aware rules need a FROM and skip them.

    ## Why is this bad?
    Readers copy snippets whole. A piece of a Dockerfile should be marked so the page can say
    so, and so the checker knows not to expect a complete build.

    ## Example
    ```dockerfile
    RUN apk add --no-cache ca-certificates=20260909-r0
    ```

    ## Use instead
    ~~~markdown
    ```dockerfile fragment
    RUN apk add --no-cache ca-certificates=20260909-r0
    ```
    ~~~

    ## References
    - [Sybil and pytest-codeblocks: marking partial examples](https://sybil.readthedocs.io/)
    """
    return ()
