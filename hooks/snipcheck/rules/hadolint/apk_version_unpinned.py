"""DG216: apk add without version pins."""

from .support import positional
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_VALUE_FLAGS = ("t", "virtual", "repository", "X", "p", "root", "repositories-file", "keys-dir", "arch",
                "cache-dir")


@rule(id="DG216", name="apk-version-unpinned", severity="info",
      why='Alpine drops old package versions from its mirrors, so a pin breaks the build within months; unpinned, the copied snippet builds.',
      guide="base-images.md#pin-the-tag",
      summary="Pin package versions in `apk add` (`pkg=version`).", aliases=("DL3018",),
      requires=("apk",))
def apk_version_unpinned(df, ctx):
    """
    ## What it does
    Fires on `apk add` with a package named without a version constraint (`curl` instead of
    `curl=8.11.1-r0`, `curl~8.11` or `curl>=8.11`). Local `.apk` files and packages given through
    a variable are left alone.

    ## Why is this bad?
    Without a pin, the build installs whatever the Alpine mirror serves that day: rebuilding the
    same commit can give a different image. A pin, even a fuzzy `~` one, makes upgrades a visible
    change in the Dockerfile.

    Pins have a cost too: the distribution's archive drops old versions after a security update,
    and the pinned build breaks. Where the pinned base tag is your pin, say so next to the install
    with `# hadolint ignore=DL3018 # <reason>`, as this guide's examples do.

    ## Example
    ```dockerfile fragment
    RUN apk add --no-cache ca-certificates
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apk add --no-cache ca-certificates=20260909-r0
    ```

    ## References
    - [hadolint DL3018](https://github.com/hadolint/hadolint/wiki/DL3018)
    """
    for ins in instructions(df, "RUN"):
        loose = []
        for cmd in run_commands(ins):
            words = positional(cmd, _VALUE_FLAGS) if cmd.name == "apk" else []
            if words[:1] == ["add"]:
                loose.extend(p for p in words[1:] if not _pinned(p))
        if loose:
            yield Violation(ins.line, f"`apk add {' '.join(loose[:3])}` without a version: "
                                      f"pin it as `{loose[0]}=<version>` (or `~<version>`)")


def _pinned(pkg: str) -> bool:
    return "=" in pkg or "~" in pkg or ">" in pkg or "<" in pkg or pkg.endswith(".apk") or "$" in pkg
