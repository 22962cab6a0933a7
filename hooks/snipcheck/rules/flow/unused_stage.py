"""DG303: a stage nothing uses."""

from ...rulekit import Violation, rule
from ...stages import stage_references


@rule(id="DG303", whole_image=True, name="unused-stage", severity="info", guide="multi-stage.md#naming-stages",
      summary="A stage that is not the last one and that no FROM, COPY --from or RUN --mount uses.",
      fragment_ok=False)
def unused_stage(df, ctx):
    """
    ## What it does
    Fires on a stage that is not the last one and that no other stage refers to: not as the base
    of a `FROM <stage>`, not in `COPY --from`, not in `RUN --mount=...,from=`. When a reference
    uses a variable (`COPY --from=${VARIANT}`), or names a stage that does not exist (a typo,
    reported by DG301), the rule cannot tell and stays silent.

    ## Why is this bad?
    BuildKit builds only the stages the target needs, so an unused stage is skipped: its tests
    never run, its lint never fails. In an example it is dead text that readers copy. If the
    stage is meant to be built with `docker build --target <name>`, say so next to it, or
    suppress the finding there.

    ## Example
    ```dockerfile
    FROM alpine:3.24 AS certs
    FROM busybox:1.36 AS tools
    FROM scratch
    COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24 AS certs
    FROM scratch
    COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    USER 65534:65534
    ```

    ## References
    - [Docker docs: stop at a specific build stage](https://docs.docker.com/build/building/multi-stage/#stop-at-a-specific-build-stage)
    """
    stages = df.stages
    if len(stages) < 2:
        return  # only a stage before the last can be unused
    refs = [ref for st in stages for ins in st.instructions for ref in stage_references(ins)]
    if any("$" in ref for ref in refs) or any("$" in st.base and not st.base_resolved.strip(":@") for st in stages):
        return
    by_name: dict[str, list[int]] = {}
    for st in stages:
        if st.name:
            by_name.setdefault(st.name, []).append(st.index)
    names = set(by_name)
    duplicated = {n for n, indices in by_name.items() if len(indices) > 1}  # DG105 reports those
    if any(ref.lower() not in names and not ref.isdigit() and not any(c in ref for c in ":/@") for ref in refs):
        return  # a reference to a stage that does not exist (DG301): likely a typo for the "unused" one
    used = {dep for st in stages for dep in st.depends_on}
    used |= {i for st in stages if st.parent is None
             for i in by_name.get(st.base_resolved.lower(), ()) if i < st.index}
    for st in stages[:-1]:
        if st.index not in used and st.name not in duplicated:
            what = f"stage {st.name!r}" if st.name else f"stage {st.index} ({st.base})"
            yield Violation(st.from_instruction.line, f"{what} is never used: it is not the last stage and no FROM, "
                                                      f"COPY --from or RUN --mount from= refers to it")

