"""DG209: apt-get install without version pins."""

from .support import positional
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_VALUE_FLAGS = ("t", "target-release", "o", "option", "c", "config-file")


@rule(id="DG209", name="apt-get-version-unpinned", severity="info",
      why="A reader who copies it gets today's package, as the guide advises: pinned Debian versions vanish from the mirrors and then break the build.",
      guide="base-images.md#pin-the-tag",
      summary="Pin package versions in `apt-get install` (`pkg=version`).", aliases=("DL3008",),
      requires=("apt-get",))
def apt_get_version_unpinned(df, ctx):
    r"""
    ## What it does
    Fires on `apt-get install` with a package named without a version (`curl` instead of
    `curl=7.88.1-10+deb12u8`). Local `.deb` files, paths and `pkg/release` forms count as pinned;
    packages given through a variable are left alone.

    ## Why is this bad?
    Without a pin, the same Dockerfile installs whatever the mirror serves on the day of the
    build: two builds of one commit can differ, and a new package version can break the image
    with no change in the repository. A pin makes the change visible in a diff.

    Pins have a cost too: the distribution's archive drops old versions after a security update,
    and the pinned build breaks. Where the pinned base tag is your pin, say so next to the install
    with `# hadolint ignore=DL3008 # <reason>`, as this guide's examples do.

    ## Example
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install -y --no-install-recommends ca-certificates \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## References
    - [hadolint DL3008](https://github.com/hadolint/hadolint/wiki/DL3008)
    """
    for ins in instructions(df, "RUN"):
        loose = [pkg for cmd in run_commands(ins) if cmd.name == "apt-get"
                 for pkg in _packages(positional(cmd, _VALUE_FLAGS)) if not _pinned(pkg)]
        if loose:
            yield Violation(ins.line, f"`apt-get install {' '.join(loose[:3])}` without a version: "
                                      f"pin it as `{loose[0]}=<version>`")


def _packages(words: list[str]) -> list[str]:
    return words[1:] if words[:1] == ["install"] else []


def _pinned(pkg: str) -> bool:
    return "=" in pkg or "/" in pkg or pkg.endswith(".deb") or "$" in pkg
