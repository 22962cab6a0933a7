"""DG214: apt-get install that would wait for a confirmation."""

from .support import positional
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import Command, run_commands
from ...wholenumbers import is_number, whole_number

_VALUE_FLAGS = ("t", "target-release", "o", "option", "c", "config-file")


@rule(id="DG214", name="apt-get-install-without-yes", severity="warning", guide="gotchas.md",
      summary="Use `apt-get install -y` so the build does not stop at a prompt.", aliases=("DL3014",),
      requires=("apt-get",))
def apt_get_install_without_yes(df, ctx):
    r"""
    ## What it does
    Fires on `apt-get install` without `-y` (`--yes`, `--assume-yes`), quiet level 2 (`-qq`, which
    implies yes) or `-o APT::Get::Assume-Yes=true`.

    ## Why is this bad?
    Without it apt-get asks "Do you want to continue? [Y/n]" as soon as a package pulls in a
    dependency. A build has no terminal to answer: apt-get reads end of input, aborts, and the
    build fails, or, worse, only fails later when a new dependency appears.

    ## Example
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## References
    - [hadolint DL3014](https://github.com/hadolint/hadolint/wiki/DL3014)
    """
    for ins in instructions(df, "RUN"):
        if any(_asks(cmd) for cmd in run_commands(ins)):
            yield Violation(ins.line, "`apt-get install` without `-y` stops at the confirmation prompt")


def _asks(cmd: Command) -> bool:
    if cmd.name != "apt-get" or positional(cmd, _VALUE_FLAGS)[:1] != ["install"]:
        return False
    quiet = 0
    for arg in cmd.argv[1:]:
        if arg in ("-y", "--yes", "--assume-yes") or (arg.startswith("-") and not arg.startswith("--")
                                                       and "y" in arg.split("=")[0]):
            return False
        if "assume-yes=true" in arg.lower():
            return False
        if arg.startswith(("-q=", "--quiet=")):
            quiet = whole_number(arg.split("=", 1)[1]) if is_number(arg.split("=", 1)[1]) else quiet
        elif arg == "--quiet":
            quiet += 1
        elif arg.startswith("-") and not arg.startswith("--"):
            quiet += arg.count("q")
    return quiet < 2
