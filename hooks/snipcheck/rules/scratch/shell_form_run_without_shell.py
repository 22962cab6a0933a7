"""DG503: a shell-form RUN in a stage that has no /bin/sh (scratch, distroless)."""

from ...analysis.paths import shell_missing
from ...analysis.flow import Flow
from ...rulekit import Violation, rule


@rule(id="DG503", name="shell-form-run-without-shell", severity="error", guide="gotchas.md",
      summary="A shell-form RUN needs /bin/sh, which scratch and distroless do not have.", fragment_ok=False,
      requires=("run",))
def shell_form_run_without_shell(df, ctx):
    """
    ## What it does
    Fires on `RUN` in shell form (including heredocs) in a stage whose base image has no
    `/bin/sh`: `scratch`, `gcr.io/distroless/*` (the `:debug` tags too: their busybox shell is
    `/busybox/sh`, so they need `SHELL ["/busybox/sh", "-c"]`), and stages built `FROM` them.
    A stage that copies a shell to `/bin/sh` passes; one that sets `SHELL` is left to the rule
    about SHELL (whether that program exists).

    ## Why is this bad?
    Shell form means `/bin/sh -c "<your command>"`. Without `/bin/sh` the build stops with
    `exec: "/bin/sh": stat /bin/sh: no such file or directory`. Do the work in a builder stage
    and `COPY --from` the result; a static program can run in exec form: `RUN ["/app", "init"]`.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    RUN mkdir -p /data
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    COPY --chown=65532:65532 data/ /data/
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Dockerfile reference: RUN shell and exec form](https://docs.docker.com/reference/dockerfile/#run)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        for ins in stage.instructions:
            if ins.keyword != "RUN" or ins.json_args is not None:
                continue
            shell = shell_missing(flow, stage, ins.line)
            if shell is not None:
                yield Violation(ins.line, f"shell-form RUN in stage {stage.label!r} ({stage.base}) needs {shell}, "
                                          f"which the image does not have: the build fails; do this in a builder "
                                          f"stage or use the exec form")
