"""DG219: COPY --from names the stage it is in."""

from .support import stage_groups
from ...analysis.queries import effective
from ...rulekit import Violation, rule


@rule(id="DG219", name="copy-from-own-stage", severity="error", guide="multi-stage.md#copy-from",
      summary="`COPY --from` cannot reference the stage it is in.", aliases=("DL3023",),
      requires=("--from",))
def copy_from_own_stage(df, ctx):
    """
    ## What it does
    Fires on `COPY --from=name` inside the stage called `name`.

    ## Why is this bad?
    A stage cannot read its own files through `--from`: BuildKit reports a dependency cycle (or,
    if a same-named image exists, copies from that image instead). Inside a stage the files are
    already there; use `RUN cp` or copy from the stage that produced them.

    ## Example
    ```dockerfile
    FROM alpine:3.24 AS base
    WORKDIR /srv
    COPY --from=base /etc/passwd /srv/passwd
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS base
    WORKDIR /srv
    RUN cp /etc/passwd /srv/passwd
    USER 65534:65534
    ```

    ## References
    - [hadolint DL3023](https://github.com/hadolint/hadolint/wiki/DL3023)
    """
    for group in stage_groups(df):
        words = group[0].args.split() if group[0].keyword == "FROM" else []
        name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
        if name is None:
            continue
        for ins in group[1:]:
            target = effective(ins)
            if target.keyword == "COPY" and any(v.lower() == name for v in target.flag_values("from")):
                yield Violation(ins.line, f"COPY --from={name} inside stage {name!r}: a stage cannot copy "
                                          f"from itself")
