"""DG224: useradd with a large UID and without -l."""

from .support import flag_values, has_flag
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG224", name="useradd-high-uid-without-l", severity="warning", guide="hardening.md#non-root-user",
      summary="Use `useradd -l` (`--no-log-init`) with a large UID.", aliases=("DL3046",),
      requires=("useradd",))
def useradd_high_uid_without_l(df, ctx):
    """
    ## What it does
    Fires on `useradd -u <uid>` with a UID of six digits or more and without `-l`
    (`--no-log-init`).

    ## Why is this bad?
    `useradd` reserves a record for the user in `/var/log/lastlog` and `/var/log/faillog`, files
    indexed by UID. They are sparse on disk, but a layer stores them in full: a UID of 1000000
    adds a file of hundreds of megabytes to the image. `-l` skips those logs.

    ## Example
    ```dockerfile fragment
    RUN useradd -u 1000001 app
    ```

    ## Use instead
    ```dockerfile fragment
    RUN useradd -l -u 1000001 app
    ```

    ## References
    - [hadolint DL3046](https://github.com/hadolint/hadolint/wiki/DL3046)
    """
    for ins in instructions(df, "RUN"):
        for cmd in run_commands(ins):
            if cmd.name != "useradd" or has_flag(cmd, "l", "no-log-init"):
                continue
            uids = [u for u in flag_values(cmd, "u", "uid") if len(u) > 5 and u.isdigit()]
            if uids:
                yield Violation(ins.line, f"`useradd -u {uids[0]}` without `-l` writes a lastlog/faillog "
                                          f"entry sized by the UID into the layer")
                break
