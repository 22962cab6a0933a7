"""DG215: npm install of a package without a version."""

from .support import positional
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_VALUE_FLAGS = ("loglevel", "registry", "prefix", "cache", "userconfig", "workspace", "w", "tag", "omit",
                "include", "install-strategy")
_GIT = ("git://", "git+ssh://", "git+http://", "git+https://")


@rule(id="DG215", name="npm-version-unpinned", severity="info",
      why='The copied snippet builds and runs with the current release; pins belong in package-lock.json.',
      guide="base-images.md#pin-the-tag",
      summary="Pin package versions in `npm install <pkg>` (`pkg@version`).", aliases=("DL3016",),
      requires=("npm",))
def npm_version_unpinned(df, ctx):
    """
    ## What it does
    Fires on `npm install <package>` with a package named without a version, tag or commit
    (`express` instead of `express@4.21.2`, a git URL without `#ref`). A bare `npm install` or
    `npm ci` (versions come from the lock file), folders and tarballs are fine.

    ## Why is this bad?
    npm resolves an unversioned name to the newest release at build time: the same Dockerfile
    builds different images on different days, and a new major version can break it silently.

    ## Example
    ```dockerfile fragment
    RUN npm install --global pnpm
    ```

    ## Use instead
    ```dockerfile fragment
    RUN npm install --global pnpm@9.15.0
    ```

    ## References
    - [hadolint DL3016](https://github.com/hadolint/hadolint/wiki/DL3016)
    """
    for ins in instructions(df, "RUN"):
        loose = []
        for cmd in run_commands(ins):
            words = positional(cmd, _VALUE_FLAGS) if cmd.name == "npm" else []
            if words[:1] == ["install"]:
                loose.extend(p for p in words[1:] if not _pinned(p))
        if loose:
            yield Violation(ins.line, f"`npm install {' '.join(loose[:3])}` without a version: "
                                      f"pin it as `{loose[0]}@<version>`")


def _pinned(pkg: str) -> bool:
    if pkg.startswith(_GIT):
        return "#" in pkg
    if pkg.endswith((".tar", ".tar.gz", ".tgz")) or pkg.startswith(("/", "./", "../", "~/")) or "$" in pkg:
        return True
    name = pkg.split("/", 1)[1] if pkg.startswith("@") and "/" in pkg else pkg
    return "@" in name
