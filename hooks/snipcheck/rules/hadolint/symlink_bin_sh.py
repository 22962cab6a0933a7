"""DG231: RUN ln over /bin/sh to change the shell."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG231", name="symlink-bin-sh", severity="warning", guide="gotchas.md",
      summary="Use SHELL to change the default shell, not `ln -s ... /bin/sh`.", aliases=("DL4005",),
      requires=("/bin/sh",))
def symlink_bin_sh(df, ctx):
    """
    ## What it does
    Fires on `ln` with `/bin/sh` among its arguments, as in `ln -sf /bin/bash /bin/sh`.

    ## Why is this bad?
    Replacing `/bin/sh` changes the shell for everything in the image, including package scripts
    and the entrypoints of other programs that expect the distribution's own `sh`. The `SHELL`
    instruction changes the shell for the Dockerfile's RUN lines only, and says so.

    ## Example
    ```dockerfile fragment
    RUN ln -sf /bin/bash /bin/sh
    ```

    ## Use instead
    ```dockerfile fragment
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    ```

    ## References
    - [hadolint DL4005](https://github.com/hadolint/hadolint/wiki/DL4005)
    """
    for ins in instructions(df, "RUN"):
        if any(cmd.name == "ln" and "/bin/sh" in cmd.argv[1:] for cmd in run_commands(ins)):
            yield Violation(ins.line, "`ln ... /bin/sh` replaces the system shell: use the SHELL instruction")
