"""DG004: A declared bad example no longer triggers the rule it expects. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG004", name="expectation-not-met", severity="error", guide="reference/checks.md#expectations",
      summary="A declared bad example no longer triggers the rule it expects.",
      checks_instructions=False)
def expectation_not_met(df, ctx):
    """
    ## What it does
    A fence with `expect="DG201"` promises that the example shows that mistake. This rule fires
    when the expected rule does not fire on the snippet.

    ## Why is this bad?
    The page explains a mistake the example no longer contains: either the example was fixed
    without updating the prose, or the rule changed.

    ## Example
    ~~~markdown
    ```dockerfile expect="DG201"
    FROM alpine:3.24
    USER 65534:65534
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile expect="DG201"
    FROM alpine:latest
    USER 65534:65534
    ```
    ~~~

    ## References
    - [rustdoc: compile_fail with an error code](https://doc.rust-lang.org/rustdoc/write-documentation/documentation-tests.html)
    """
    return ()
