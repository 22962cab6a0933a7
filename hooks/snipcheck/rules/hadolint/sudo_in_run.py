"""DG208: sudo in RUN."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG208", name="sudo-in-run", severity="error", guide="hardening.md#non-root-user",
      summary="Do not use sudo in RUN; switch users with USER.", aliases=("DL3004",),
      requires=("sudo",))
def sudo_in_run(df, ctx):
    """
    ## What it does
    Fires on a RUN that calls a command through `sudo`.

    ## Why is this bad?
    Build steps run as the current `USER`, root unless the Dockerfile changed it. If that is root,
    `sudo` is useless; if it is not, `sudo` must be installed and configured in the image, which
    hands every process in the container a way back to root. Its TTY and environment handling also
    behave differently from a plain shell. Switch with `USER root` for the steps that need it and
    back to the unprivileged user afterwards (or use `gosu`/`su-exec` in an entrypoint).

    ## Example
    ```dockerfile fragment
    RUN sudo mkdir -p /srv/app
    ```

    ## Use instead
    ```dockerfile fragment
    USER root
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## References
    - [hadolint DL3004](https://github.com/hadolint/hadolint/wiki/DL3004)
    """
    for ins in instructions(df, "RUN"):
        found = [cmd for cmd in run_commands(ins) if "sudo" in cmd.wrappers or cmd.name == "sudo"]
        if found:
            what = " ".join(found[0].argv[:2]) or "a command"
            yield Violation(ins.line, f"`sudo {what}` in RUN: use `USER` to change the user instead")
