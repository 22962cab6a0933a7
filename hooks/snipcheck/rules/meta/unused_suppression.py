"""DG003: A suppression pragma matches no finding. Reported by the policy layer, not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG003", name="unused-suppression", severity="warning", guide="reference/checks.md#suppressions",
      summary="A suppression pragma matches no finding.",
      checks_instructions=False)
def unused_suppression(df, ctx):
    """
    ## What it does
    Reports `# snipcheck: ignore=`, `# hadolint ignore=` or `# check=skip=` entries that did not
    suppress anything where they apply, or that name an unknown rule.

    ## Why is this bad?
    A stale suppression hides the next real problem on that line, and readers copy it into their
    own Dockerfiles believing it is needed.

    ## Example
    ```dockerfile
    FROM debian:trixie-slim
    # hadolint ignore=DL3007
    WORKDIR /srv
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM debian:trixie-slim
    WORKDIR /srv
    USER 65534:65534
    ```

    ## References
    - [ruff RUF100: unused noqa](https://docs.astral.sh/ruff/rules/unused-noqa/)
    """
    return ()
