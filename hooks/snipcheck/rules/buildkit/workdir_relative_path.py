"""DG110: WORKDIR with a relative path."""

from ...rulekit import Violation, rule


@rule(id="DG110", name="workdir-relative-path", severity="warning", guide="multi-stage.md#workdir",
      summary="Use absolute paths for WORKDIR.", aliases=("WorkdirRelativePath", "DL3000"),
      requires=("workdir",))
def workdir_relative_path(df, ctx):
    """
    ## What it does
    Fires on `WORKDIR` with a relative path, unless an earlier WORKDIR in the same stage (or in
    a stage it is built `FROM`) set an absolute one, or the path starts with a variable.

    ## Why is this bad?
    A relative WORKDIR is resolved against whatever the base image left as working directory, so
    the result changes when the base image changes, and `COPY --from` paths become guesses.

    ## Example
    ```dockerfile
    FROM golang:1.27
    WORKDIR src/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.27
    WORKDIR /src/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check WorkdirRelativePath](https://docs.docker.com/reference/build-checks/workdir-relative-path/)
    """
    absolute_by_stage: dict[int, bool] = {}  # an absolute WORKDIR is inherited by stages built FROM this one
    absolute_seen, index = False, -1
    for ins in df.instructions:
        if ins.keyword == "FROM":
            absolute_by_stage[index] = absolute_seen
            index += 1
            parent = df.stages[index].parent
            absolute_seen = absolute_by_stage.get(parent, False) if parent is not None else False
        if ins.keyword != "WORKDIR":
            continue
        path = ins.args.strip().strip("\"'")
        if path.startswith(("/", "$")) or (len(path) > 1 and path[1] == ":"):
            absolute_seen = True
        elif not absolute_seen and path:
            yield Violation(ins.line, f"WORKDIR {path!r} is relative: use an absolute path such as '/{path}'")
