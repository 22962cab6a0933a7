"""DG221: pip install keeps its download cache in the layer."""

import re

from .support import cache_mount_targets, env_at, pip_install_args
from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands, script_of

_TRUTHY = frozenset({"1", "true", "on", "yes"})
_IN_SCRIPT = re.compile(r"PIP_NO_CACHE_DIR=[\"']?(\w+)")


@rule(id="DG221", name="pip-without-no-cache-dir", severity="info",
      why='The pip cache adds megabytes to the image; the image still works.',
      guide="layers.md#package-caches",
      summary="Use `pip install --no-cache-dir` (or a cache mount) so pip's cache stays out of the layer.",
      aliases=("DL3042",),
      requires=("pip",))
def pip_without_no_cache_dir(df, ctx):
    """
    ## What it does
    Fires on `pip install` (also `pip3` and `python -m pip`) without `--no-cache-dir`, unless
    `PIP_NO_CACHE_DIR` is set to a true value (in an `ENV` of the stage or a stage it is built
    from, or in the RUN itself) or the RUN mounts a cache or tmpfs over pip's cache directory.
    `pipx` and `pipenv` manage their own caches and are left alone.

    ## Why is this bad?
    pip keeps every downloaded wheel under `~/.cache/pip`. In an image that cache is dead weight,
    often as large as the installed packages themselves, and deleting it in a later RUN does not
    shrink the image.

    ## Example
    ```dockerfile fragment
    RUN pip install -r requirements.txt
    ```

    ## Use instead
    ```dockerfile fragment
    RUN pip install --no-cache-dir -r requirements.txt
    ```

    ## References
    - [hadolint DL3042](https://github.com/hadolint/hadolint/wiki/DL3042)
    """
    for ins in instructions(df, "RUN"):
        cmds = [c for c in run_commands(ins) if pip_install_args(c) is not None and not c.name.startswith("pipx")]
        if not cmds or all("--no-cache-dir" in c.argv for c in cmds):
            continue
        if any(m.group(1).lower() in _TRUTHY for m in _IN_SCRIPT.finditer(script_of(ins))):
            continue
        if env_at(df, ins.line).get("PIP_NO_CACHE_DIR", "").lower() in _TRUTHY:
            continue
        if any(t.endswith("/.cache/pip") or t.endswith("/.cache") or "pip" in t for t in cache_mount_targets(ins)):
            continue
        what = f"{cmds[0].name} -m pip" if cmds[0].name.startswith("python") else cmds[0].name
        yield Violation(ins.line, f"`{what} install` without `--no-cache-dir` keeps pip's download cache "
                                  f"in the layer")
