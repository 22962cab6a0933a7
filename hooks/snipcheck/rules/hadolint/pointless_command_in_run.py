"""DG206: RUN calls an interactive or system command that means nothing during a build."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_POINTLESS = frozenset({"free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"})


@rule(id="DG206", name="pointless-command-in-run", severity="info", guide="gotchas.md",
      summary="Do not run interactive or system-management commands such as `ssh`, `vim` or `service` in RUN.",
      aliases=("DL3001",),
      requires=("free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"))
def pointless_command_in_run(df, ctx):
    """
    ## What it does
    Fires on a RUN that calls `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top`
    or `vim`. Installing these packages is fine; running them at build time is what it flags.

    ## Why is this bad?
    A build step runs in a throw-away container with no init system, no terminal and no other
    processes: `service nginx start` starts nothing that survives the step, `top` and `vim` wait for
    a terminal that never comes, `mount` needs privileges a build does not have. Such a line is
    usually a leftover from an interactive session and does nothing, or hangs the build.

    ## Example
    ```dockerfile fragment
    RUN service nginx start
    ```

    ## Use instead
    ```dockerfile fragment
    CMD ["nginx", "-g", "daemon off;"]
    ```

    ## References
    - [hadolint DL3001](https://github.com/hadolint/hadolint/wiki/DL3001)
    """
    for ins in instructions(df, "RUN"):
        found = [cmd.name for cmd in run_commands(ins) if cmd.name in _POINTLESS]
        if found:
            yield Violation(ins.line, f"`{found[0]}` in RUN: it has no effect (or hangs) in a build step")
