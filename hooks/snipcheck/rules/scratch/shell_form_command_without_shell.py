"""DG504: shell-form CMD, ENTRYPOINT or HEALTHCHECK in an image without /bin/sh."""

import json

from ...analysis.paths import shell_missing
from ...analysis.flow import Flow
from ...rulekit import Violation, rule


@rule(id="DG504", name="shell-form-command-without-shell", severity="error", guide="gotchas.md",
      summary="Shell-form CMD/ENTRYPOINT/HEALTHCHECK cannot start where there is no /bin/sh.",
      aliases=("JSONArgsRecommended", "DL3025"), fragment_ok=False,
      requires=("cmd", "entrypoint"))
def shell_form_command_without_shell(df, ctx):
    """
    ## What it does
    Fires on `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` in shell form in a stage whose base image
    has no `/bin/sh` (`scratch`, `gcr.io/distroless/*`, even `:debug` whose busybox shell is
    `/busybox/sh`, and stages built `FROM` them) and that neither copies a shell to `/bin/sh`
    nor sets `SHELL`. Elsewhere, shell form is only a warning (DG107, json-args-recommended);
    here it is an error, and DG107 stays quiet. It shares DG107's peer IDs, so
    `# check=skip=JSONArgsRecommended` and `# hadolint ignore=DL3025` cover both.

    ## Why is this bad?
    The build succeeds, then the container fails at start with
    `exec: "/bin/sh": stat /bin/sh: no such file or directory`, or the health check fails
    forever and the orchestrator restarts a healthy service.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    ENTRYPOINT /app --listen :8080
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    ENTRYPOINT ["/app", "--listen", ":8080"]
    ```

    ## References
    - [Dockerfile reference: shell and exec form](https://docs.docker.com/reference/dockerfile/#shell-and-exec-form)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        for ins in stage.instructions:
            command = _shell_form_command(ins)
            if command is None:
                continue
            shell = shell_missing(flow, stage)
            if shell is not None:
                yield Violation(ins.line, f"{ins.keyword} in shell form needs {shell}, which {stage.base} does not "
                                          f"have: the container cannot start it; write "
                                          f"{json.dumps(command.split())}")


def _shell_form_command(ins):
    """The command text of a shell-form CMD/ENTRYPOINT/HEALTHCHECK CMD, else None."""
    if ins.keyword in ("CMD", "ENTRYPOINT"):
        return ins.args.strip() if not ins.is_exec_form and ins.args.strip() else None
    if ins.keyword == "HEALTHCHECK":
        words = ins.args.split(None, 1)
        if len(words) == 2 and words[0].upper() == "CMD" and not words[1].strip().startswith("["):
            return words[1].strip()
    return None
