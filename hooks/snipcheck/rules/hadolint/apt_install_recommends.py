"""DG204: apt-get install without --no-install-recommends."""

from ...analysis.queries import run_command_lines
from ...rulekit import Violation, rule


@rule(id="DG204", name="apt-install-recommends", severity="info", guide="layers.md#package-caches",
      summary="Use `apt-get install --no-install-recommends` to avoid pulling in extra packages.",
      aliases=("DL3015",),
      requires=("apt-get",))
def apt_install_recommends(df, ctx):
    r"""
    ## What it does
    Fires on `apt-get install` without `--no-install-recommends` (or the equivalent
    `-o APT::Install-Recommends=false`).

    ## Why is this bad?
    Debian installs "recommended" packages by default. For a container that runs one program
    they are dead weight: `apt-get install curl` pulls in dozens of megabytes of extras.

    ## Example
    ```dockerfile fragment
    RUN apt-get update && apt-get install -y ca-certificates=20250419 && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## References
    - [hadolint DL3015](https://github.com/hadolint/hadolint/wiki/DL3015)
    """
    for ins, cmd in run_command_lines(df):
        if cmd.name != "apt-get" or cmd.subcommand("-o", "-c", "-t") != "install":
            continue
        if cmd.has("--no-install-recommends") or "APT::Install-Recommends=false" in cmd.argv:
            continue
        yield Violation(ins.line, "`apt-get install` without `--no-install-recommends` installs recommended "
                                  "packages the image does not need")
