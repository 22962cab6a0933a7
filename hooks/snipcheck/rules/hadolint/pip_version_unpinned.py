"""DG213: pip install without version pins."""

from .support import flag_names, pip_install_args
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import Command, run_commands

_VALUE_FLAGS = frozenset(
    "abi b build e editable extra-index-url f find-links i index-url implementation no-binary only-binary "
    "platform prefix progress-bar proxy python-version root src t target trusted-host upgrade-strategy "
    "root-user-action python pip-args log cache-dir".split())
_SPECIFIERS = ("==", ">=", "<=", ">", "<", "!=", "~=", "===")
_VCS = ("git+", "git:", "hg+", "svn+", "svn:", "bzr+")


@rule(id="DG213", name="pip-version-unpinned", severity="info",
      why='The copied snippet builds and runs with the current release; pins belong in a requirements or lock file.',
      guide="base-images.md#pin-the-tag",
      summary="Pin package versions in `pip install` (`pkg==version`, or a requirements file).",
      aliases=("DL3013",),
      requires=("pip",))
def pip_version_unpinned(df, ctx):
    """
    ## What it does
    Fires on `pip install` (also `pip3`, `pipx` and `python -m pip`) with a package named without
    a version specifier. Requirements files (`-r`), constraints (`-c`), local paths, wheels,
    archives and VCS URLs with `@ref` count as pinned.

    ## Why is this bad?
    An unpinned package installs the newest release on the day of the build: rebuilding the same
    commit can give a different image, and a new major version can break it without any change
    in the repository.

    ## Example
    ```dockerfile fragment
    RUN pip install --no-cache-dir requests
    ```

    ## Use instead
    ```dockerfile fragment
    RUN pip install --no-cache-dir requests==2.32.3
    ```

    ## References
    - [hadolint DL3013](https://github.com/hadolint/hadolint/wiki/DL3013)
    """
    for ins in instructions(df, "RUN"):
        loose = [pkg for cmd in run_commands(ins) for pkg in _unpinned(cmd)]
        if loose:
            yield Violation(ins.line, f"`pip install {' '.join(loose[:3])}` without a version: "
                                      f"pin it as `{loose[0]}==<version>` or use a requirements file")


def _unpinned(cmd: Command) -> list[str]:
    args = pip_install_args(cmd)
    if args is None or "." in args or set(flag_names(Command(("pip", *args)))) & {"r", "requirement", "c",
                                                                                    "constraint"}:
        return []
    packages, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg.startswith("-"):
            skip = "=" not in arg and arg.lstrip("-") in _VALUE_FLAGS
        else:
            packages.append(arg)
    return [p for p in packages if not _pinned(p)]


def _pinned(pkg: str) -> bool:
    if pkg.startswith(_VCS):
        return "@" in pkg.split("://", 1)[-1].split("/", 1)[-1]
    return any(s in pkg for s in _SPECIFIERS) or pkg.endswith((".whl", ".tar.gz", ".zip")) or "/" in pkg \
        or "$" in pkg
