"""DG105: two stages share a name."""

from ...rulekit import Violation, rule


@rule(id="DG105", name="duplicate-stage-name", severity="error", guide="multi-stage.md#naming-stages",
      summary="Stage names must be unique.", aliases=("DuplicateStageName", "DL3024"),
      requires=("as",))
def duplicate_stage_name(df, ctx):
    """
    ## What it does
    Fires when two `FROM ... AS name` lines use the same name (case-insensitively, as BuildKit
    compares them).

    ## Why is this bad?
    BuildKit refuses the file, and a reader cannot tell which stage `COPY --from=name` means.

    ## Example
    ```dockerfile
    FROM golang:1.27 AS build
    RUN go version
    FROM golang:1.27 AS build
    RUN go env
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.27 AS toolchain
    RUN go version
    FROM toolchain AS build
    RUN go env
    USER 65534:65534
    ```

    ## References
    - [BuildKit check DuplicateStageName](https://docs.docker.com/reference/build-checks/duplicate-stage-name/)
    """
    seen: dict[str, int] = {}
    for stage in df.stages:
        if stage.name is None:
            continue
        if stage.name in seen:
            yield Violation(stage.from_instruction.line,
                            f"duplicate stage name {stage.name!r}, first defined on line {seen[stage.name]}")
        else:
            seen[stage.name] = stage.from_instruction.line
