"""DG203: apk add without --no-cache."""

from ...analysis.queries import run_command_lines
from ...rulekit import Violation, rule
from ...stages import mount_options


@rule(id="DG203", name="apk-add-without-no-cache", severity="info", guide="layers.md#package-caches",
      summary="Use `apk add --no-cache` so the package index does not stay in the layer.",
      aliases=("DL3019",),
      requires=("apk",))
def apk_add_no_cache(df, ctx):
    """
    ## What it does
    Fires on `apk add` without `--no-cache`, unless the RUN mounts a cache at `/var/cache/apk`
    (then the index lives in the cache mount, not in the layer).

    ## Why is this bad?
    `apk update` and `apk add` store the package index under `/var/cache/apk`. Without
    `--no-cache` it stays in the layer: about a megabyte of data no container ever reads.

    ## Example
    ```dockerfile fragment
    RUN apk add ca-certificates=20260909-r0
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apk add --no-cache ca-certificates=20260909-r0
    ```

    ## References
    - [hadolint DL3019](https://github.com/hadolint/hadolint/wiki/DL3019)
    """
    for ins, cmd in run_command_lines(df):
        if cmd.name != "apk" or cmd.subcommand() != "add" or cmd.has("--no-cache"):
            continue
        if any(mount_options(m).get("target", mount_options(m).get("dst", "")).rstrip("/") == "/var/cache/apk"
               for m in ins.flag_values("mount")):
            continue
        yield Violation(ins.line, "`apk add` without `--no-cache` leaves the package index in the layer")
