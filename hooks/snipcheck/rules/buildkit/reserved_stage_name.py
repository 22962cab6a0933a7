"""DG106: a stage named `scratch` or `context`."""

from ...rulekit import Violation, rule

RESERVED = ("scratch", "context")


@rule(id="DG106", name="reserved-stage-name", severity="error", guide="multi-stage.md#naming-stages",
      summary="Do not name a stage `scratch` or `context`.", aliases=("ReservedStageName", "DL3063"),
      fragment_ok=False,
      requires=("scratch", "context"))
def reserved_stage_name(df, ctx):
    """
    ## What it does
    Fires on `FROM ... AS scratch` and `FROM ... AS context` (in any case).

    ## Why is this bad?
    `scratch` is the empty image and `context` names the build context in `--build-context`
    and `COPY --from`; a stage with either name makes `FROM scratch` or `COPY --from=context`
    mean something else than every reader expects.

    ## Example
    ```dockerfile
    FROM alpine:3.24 AS context
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS certs
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check ReservedStageName](https://docs.docker.com/reference/build-checks/reserved-stage-name/)
    """
    for stage in df.stages:
        if stage.name in RESERVED:
            yield Violation(stage.from_instruction.line,
                            f"stage name {stage.name!r} is reserved (it already means "
                            f"{'the empty image' if stage.name == 'scratch' else 'the build context'}): rename the stage")
