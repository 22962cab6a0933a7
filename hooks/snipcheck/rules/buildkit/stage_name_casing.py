"""DG101: a stage name with upper-case letters."""

from ...rulekit import Violation, rule


@rule(id="DG101", name="stage-name-casing", severity="info", guide="multi-stage.md#naming-stages",
      summary="Stage names should be lowercase.", aliases=("StageNameCasing",), fragment_ok=False)
def stage_name_casing(df, ctx):
    """
    ## What it does
    Fires on `FROM image AS Name` when the stage name has upper-case letters.

    ## Why is this bad?
    BuildKit lower-cases stage names, so `COPY --from=Builder` and `--target builder` refer to
    the same stage while reading as two; mixed case invites typos and duplicate names.

    ## Example
    ```dockerfile
    FROM golang:1.23 AS BuildStage
    RUN go version
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.23 AS build-stage
    RUN go version
    USER 65534:65534
    ```

    ## References
    - [BuildKit check StageNameCasing](https://docs.docker.com/reference/build-checks/stage-name-casing/)
    """
    for ins in df.instructions:
        words = ins.args.split()
        if ins.keyword == "FROM" and len(words) == 3 and words[2] != words[2].lower():
            yield Violation(ins.line, f"stage name {words[2]!r} should be lowercase ({words[2].lower()!r})")
