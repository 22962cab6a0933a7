"""DG225: wget with its default progress output."""

from .support import has_flag
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG225", name="wget-without-progress", severity="info", guide="gotchas.md",
      summary="Use `wget --progress=dot:giga` (or `-q`/`-nv`) to keep build logs short.", aliases=("DL3047",),
      requires=("wget",))
def wget_without_progress(df, ctx):
    """
    ## What it does
    Fires on `wget` without `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file
    (`-o`, `-a`).

    ## Why is this bad?
    Without a terminal wget falls back to printing a line of dots for every few kilobytes: a large
    download writes thousands of lines into the build log and buries the output that matters.

    ## Example
    ```dockerfile fragment
    RUN wget https://example.com/tool.tar.gz
    ```

    ## Use instead
    ```dockerfile fragment
    RUN wget --progress=dot:giga https://example.com/tool.tar.gz
    ```

    ## References
    - [hadolint DL3047](https://github.com/hadolint/hadolint/wiki/DL3047)
    """
    for ins in instructions(df, "RUN"):
        for cmd in run_commands(ins):
            if cmd.name == "wget" and not _quiet(cmd):
                yield Violation(ins.line, "`wget` without `--progress=dot:giga` (or `-q`/`-nv`) floods the "
                                          "build log")
                break


def _quiet(cmd) -> bool:
    return "-nv" in cmd.argv or has_flag(cmd, "progress", "q", "quiet", "no-verbose", "o", "output-file", "a",
                                         "append-output")
