"""DG226: consecutive RUN instructions that could be one."""

from ...rulekit import Violation, rule
from ...analysis.shell import run_commands


@rule(id="DG226", name="consecutive-run", severity="info", guide="layers.md",
      summary="Consider joining consecutive single-command RUNs that belong together.", aliases=("DL3059",),
      requires=("run",))
def consecutive_run(df, ctx):
    """
    ## What it does
    Fires on a RUN that directly follows another RUN (comments in between do not count) when both
    run a single command and use the same flags. RUNs that already chain commands with `&&` or `;`
    are taken as a deliberate split, and so are RUNs with different `--mount` flags.

    ## Why is this bad?
    Usually it is not: the number of layers matters little, and the guide keeps steps apart
    when they change at different rates, because each RUN is also a cache boundary. The hint is
    for the other case: two single-command steps in a row that belong together, such as one that
    cleans up after the other, where a separate RUN keeps the files in the first layer. Where the
    split is deliberate, say so with `# hadolint ignore=DL3059` (or turn the rule off).

    ## Example
    ```dockerfile fragment
    RUN mkdir -p /srv/app/data
    RUN chown 65534:65534 /srv/app/data
    ```

    ## Use instead
    ```dockerfile fragment
    RUN mkdir -p /srv/app/data && chown 65534:65534 /srv/app/data
    ```

    ## References
    - [hadolint DL3059](https://github.com/hadolint/hadolint/wiki/DL3059)
    """
    previous = None
    for ins in df.instructions:
        if ins.keyword != "RUN":
            previous = None
            continue
        single = len(run_commands(ins)) == 1 and not ins.heredocs
        if previous is not None and single and previous.flags == ins.flags:
            yield Violation(ins.line, f"RUN right after the RUN on line {previous.line}: if the two steps "
                                      f"belong together, join them with && in one RUN")
        previous = ins if single else None
