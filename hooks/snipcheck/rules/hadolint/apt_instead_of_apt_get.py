"""DG220: apt (the interactive front end) in RUN."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG220", name="apt-instead-of-apt-get", severity="info",
      why='apt works in scripts; it only warns that its output is not a stable interface.',
      guide="gotchas.md",
      summary="Use `apt-get` or `apt-cache` in scripts, not `apt`.", aliases=("DL3027",),
      requires=("apt",))
def apt_instead_of_apt_get(df, ctx):
    r"""
    ## What it does
    Fires on a RUN that calls `apt` (not `apt-get`, `apt-cache` or `aptitude`).

    ## Why is this bad?
    `apt` is the command-line tool for people at a terminal: its output and behaviour may change
    between releases, and it warns "apt does not have a stable CLI interface. Use with caution in
    scripts." `apt-get` and `apt-cache` are the stable interfaces meant for scripts.

    ## Example
    ```dockerfile fragment
    RUN apt update \
        && apt install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## References
    - [hadolint DL3027](https://github.com/hadolint/hadolint/wiki/DL3027)
    """
    for ins in instructions(df, "RUN"):
        found = [cmd for cmd in run_commands(ins) if cmd.name == "apt"]
        if found:
            yield Violation(ins.line, f"`{' '.join(found[0].argv[:2])}`: use apt-get (or apt-cache) in scripts")
