"""DG114: `FROM --platform=$TARGETPLATFORM`, which is the default anyway."""

from .support import expand, global_arg_env
from ...rulekit import Violation, rule


@rule(id="DG114", name="redundant-target-platform", severity="info", guide="cross-compiling.md",
      summary="`--platform=$TARGETPLATFORM` on FROM is the default: drop it.",
      aliases=("RedundantTargetPlatform", "DL3065"), fragment_ok=False,
      requires=("targetplatform",))
def redundant_target_platform(df, ctx):
    """
    ## What it does
    Fires on `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`): a platform flag whose
    only content is the target platform.

    ## Why is this bad?
    Every stage is built for the target platform unless told otherwise, so the flag changes
    nothing. Worse, it is often a mistake for `$BUILDPLATFORM`, the flag that makes a builder
    stage run natively and cross-compile, which is what the guide recommends for Go.

    ## Example
    ```dockerfile
    FROM --platform=$TARGETPLATFORM alpine:3.24
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check RedundantTargetPlatform](https://docs.docker.com/reference/build-checks/redundant-target-platform/)
    """
    env, _ = global_arg_env(df)
    for stage in df.stages:
        for value in stage.from_instruction.flag_values("platform"):
            result = expand(value, env, df.escape)
            if result.matched == {"TARGETPLATFORM"} and not result.unmatched and \
                    result.result == env["TARGETPLATFORM"]:
                yield Violation(stage.from_instruction.line,
                                f"--platform={value} is redundant: stages are built for $TARGETPLATFORM by default "
                                f"(did you mean $BUILDPLATFORM?)")
