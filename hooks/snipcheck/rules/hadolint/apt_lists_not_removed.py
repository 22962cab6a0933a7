"""DG210: apt-get update leaves the package lists in a layer of the image."""

from .support import cache_mount_targets
from ...model import Instruction
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_APT = ("apt-get", "apt", "aptitude")
_LISTS = "/var/lib/apt/lists"


@rule(id="DG210", name="apt-lists-not-removed", severity="info", guide="layers.md#package-caches",
      summary="Remove /var/lib/apt/lists in the RUN that ran `apt-get update`.", aliases=("DL3009",),
      requires=("apt",))
def apt_lists_not_removed(df, ctx):
    r"""
    ## What it does
    Fires on a RUN with `apt-get update` (or `apt`/`aptitude update`) that does not end with
    `rm -rf /var/lib/apt/lists/*`, unless the lists live in a cache or tmpfs mount. Only stages
    that end up in the image count: the final stage and the stages it is built `FROM`; an
    `ONBUILD RUN` always counts, because it runs in the image built on top of this one.

    ## Why is this bad?
    `apt-get update` downloads the package index, tens of megabytes, into `/var/lib/apt/lists`.
    Nothing reads it at run time, and removing it in a later RUN does not shrink the image: the
    files stay in the earlier layer.

    ## Example
    ```dockerfile fragment
    RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates=20250419
    ```

    ## Use instead
    ```dockerfile fragment
    RUN apt-get update \
        && apt-get install -y --no-install-recommends ca-certificates=20250419 \
        && rm -rf /var/lib/apt/lists/*
    ```

    ## References
    - [hadolint DL3009](https://github.com/hadolint/hadolint/wiki/DL3009)
    """
    kept = _kept_stage_lines(df)
    for ins in df.instructions:
        run = ins.inner if ins.inner is not None else ins
        if run.keyword != "RUN" or (ins.inner is None and not kept(ins.line)):
            continue
        cmds = run_commands(run)
        updater = next((c.name for c in cmds if c.name in _APT and c.subcommand() == "update"), None)
        if updater is None or _cleans_lists(cmds) or _lists_mounted(run):
            continue
        yield Violation(ins.line, f"`{updater} update` without `rm -rf {_LISTS}/*` in the same RUN leaves "
                                  f"the package lists in the image")


def _cleans_lists(cmds) -> bool:
    return any(c.name == "rm" and any(a.startswith(_LISTS) for a in c.argv[1:]) for c in cmds)


def _lists_mounted(ins: Instruction) -> bool:
    targets = cache_mount_targets(ins)
    return any(t.startswith(_LISTS) for t in targets) or (
        any(t.startswith("/var/lib/apt") for t in targets) and any(t.startswith("/var/cache/apt") for t in targets))


def _kept_stage_lines(df):
    """Predicate: does the instruction at a line belong to a stage whose layers the image keeps?"""
    if not df.stages:
        return lambda line: True
    keep: set[int] = set()
    stage = df.stages[-1]
    while stage is not None and stage.index not in keep:
        keep.add(stage.index)
        stage = df.stages[stage.parent] if stage.parent is not None else None
    spans = [(st.from_instruction.line, st.index) for st in df.stages]

    def kept(line: int) -> bool:
        current = [i for start, i in spans if start <= line]
        return not current or current[-1] in keep

    return kept
