"""DG207: RUN changes directory with cd instead of WORKDIR."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG207", name="cd-instead-of-workdir", severity="info",
      why='`cd` inside one RUN works as written; WORKDIR only states the intent.',
      guide="multi-stage.md#workdir",
      summary="Use WORKDIR to switch to a directory, not `cd` in RUN.", aliases=("DL3003",),
      requires=("cd",))
def cd_instead_of_workdir(df, ctx):
    """
    ## What it does
    Fires on a RUN that calls `cd`.

    ## Why is this bad?
    A `cd` lasts for one RUN only: the next instruction starts in the WORKDIR again, so relative
    paths in later COPY and RUN lines silently point somewhere else. `WORKDIR` states the directory
    once, for every following instruction and for the container at run time, and creates it.

    ## Example
    ```dockerfile fragment
    RUN cd /src && go build -o /out/app .
    ```

    ## Use instead
    ```dockerfile fragment
    WORKDIR /src
    RUN go build -o /out/app .
    ```

    ## References
    - [hadolint DL3003](https://github.com/hadolint/hadolint/wiki/DL3003)
    """
    for ins in instructions(df, "RUN"):
        targets = [cmd.argv[1] if len(cmd.argv) > 1 else "~" for cmd in run_commands(ins) if cmd.name == "cd"]
        if targets:
            yield Violation(ins.line, f"`cd {targets[0]}` lasts for this RUN only: use `WORKDIR {targets[0]}`")
