"""DG232: a pipe in RUN without pipefail."""

import re

from .support import stage_groups
from ...analysis.hygiene import root_base
from ...analysis.queries import base_info, effective
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands, script_of

_NON_POSIX = ("pwsh", "powershell", "cmd")
_PIPEFAIL_SHELLS = ("bash", "zsh", "ash", "ksh", "mksh")
_SET_PIPEFAIL = re.compile(r"\bset\s+(-[a-z]*o\s+pipefail|-o\s+\w+\s+-o\s+pipefail|.*-o\s+pipefail)")


@rule(id="DG232", name="pipe-without-pipefail", severity="warning", guide="gotchas.md",
      summary="Set `-o pipefail` before a RUN with a pipe, so a failing first command fails the build.",
      aliases=("DL4006",),
      requires=("|",))
def pipe_without_pipefail(df, ctx):
    """
    ## What it does
    Fires on a RUN with a pipe (`a | b`) unless pipefail is on: a `SHELL` with `-o pipefail` for
    bash, zsh or ash earlier in the stage, a `set -o pipefail` in the RUN itself, or
    `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` on an Alpine or BusyBox base, whose `/bin/sh` is
    BusyBox ash and supports it. Stages with a non-POSIX shell (PowerShell, cmd) are left alone,
    set by `SHELL` or by a Windows base image (Server Core, Nano Server), whose shell is cmd.
    The fix it names is the base's own shell: ash on Alpine and BusyBox, which have no bash.

    ## Why is this bad?
    A pipeline's status is that of its last command. In `RUN wget -O- $URL | tar xz` a failed
    download still "succeeds" if `tar` exits 0 on empty input, and the build goes on with a broken
    image. With pipefail the first failure fails the step.

    ## Example
    ```dockerfile fragment
    RUN wget -q -O - https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
    ```

    ## Use instead
    ```dockerfile fragment
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN wget -q -O - https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
    ```

    ## References
    - [hadolint DL4006](https://github.com/hadolint/hadolint/wiki/DL4006)
    """
    for group in stage_groups(df):
        stage = next((st for st in df.stages if st.from_instruction is group[0]), None)
        base = base_info(df, stage) if stage is not None else None
        ash = base is not None and (base.libc == "musl" or base.family == "busybox")
        # a Windows base runs cmd: pipes are cmd's or PowerShell's, pipefail is not theirs
        safe = stage is not None and _WINDOWS.search(root_base(df, stage)) is not None
        shell = '["/bin/ash", "-o", "pipefail", "-c"]' if ash else '["/bin/bash", "-o", "pipefail", "-c"]'
        for raw in group:
            ins = effective(raw)
            if ins.keyword == "SHELL" and ins.json_args:
                safe = _shell_has_pipefail(ins.json_args, ash)
            elif ins.keyword == "RUN" and not safe and any(c.piped for c in run_commands(ins)) \
                    and not _SET_PIPEFAIL.search(script_of(ins)):
                yield Violation(raw.line, f"pipe without pipefail: a failure before the last `|` is ignored; "
                                          f"add SHELL {shell} or `set -o pipefail`")


def _shell_has_pipefail(argv: tuple[str, ...], ash: bool) -> bool:
    program = argv[0].rsplit("/", 1)[-1].lower() if argv else ""
    if program.startswith(_NON_POSIX):
        return True
    if program not in _PIPEFAIL_SHELLS and not (program == "sh" and ash):
        return False
    return any(a.startswith("-") and "o" in a and not a.startswith("--") and nxt == "pipefail"
               for a, nxt in zip(argv, argv[1:]))


# Windows base images: their default shell is `cmd /S /C`.
_WINDOWS = re.compile(r"(^|/)(windows|nanoserver|servercore|windowsservercore)([:/@-]|$)|[:-](nanoserver|windowsservercore)",
                      re.I)
