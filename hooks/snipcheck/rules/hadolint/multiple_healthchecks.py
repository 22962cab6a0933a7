"""DG212: more than one HEALTHCHECK in a stage."""

from .support import stage_groups
from ...rulekit import Violation, rule


@rule(id="DG212", name="multiple-healthchecks", severity="error", guide="gotchas.md",
      summary="Write at most one HEALTHCHECK per stage; only the last one counts.", aliases=("DL3012",),
      requires=("healthcheck",))
def multiple_healthchecks(df, ctx):
    """
    ## What it does
    Fires on every `HEALTHCHECK` after the first one in the same stage.

    ## Why is this bad?
    An image has one health check: each `HEALTHCHECK` replaces the previous one. The earlier lines
    look as if they configured something and do nothing, and a reader may not notice which one
    wins.

    ## Example
    ```dockerfile fragment
    HEALTHCHECK CMD ["/app", "health", "--db"]
    HEALTHCHECK CMD ["/app", "health"]
    ```

    ## Use instead
    ```dockerfile fragment
    HEALTHCHECK CMD ["/app", "health", "--db"]
    ```

    ## References
    - [hadolint DL3012](https://github.com/hadolint/hadolint/wiki/DL3012)
    """
    for group in stage_groups(df):
        checks = [ins for ins in group if ins.keyword == "HEALTHCHECK"]
        for ins in checks[1:]:
            yield Violation(ins.line, f"another HEALTHCHECK in this stage (first on line {checks[0].line}): "
                                      f"only the last one takes effect")
