"""DG805: an image is referenced by tag, not by digest (off by default)."""

from ...analysis.queries import effective
from ...rulekit import Violation, rule
from ...stages import global_arg_defaults, resolve_stage_ref, substitute


@rule(id="DG805", whole_image=True, name="base-image-not-pinned-by-digest", severity="info", guide="base-images.md#pin-the-tag",
      summary="Pin base images by digest (`image:tag@sha256:...`) for reproducible builds.",
      default_enabled=False)
def base_image_not_pinned_by_digest(df, ctx):
    """
    ## What it does
    Off by default (enable it with `enable: [DG805]`). Fires on every `FROM` and
    `COPY --from=<image>` that names an image without an `@sha256:` digest, after expanding ARG
    defaults (`ARG BASE=alpine:3.24@sha256:...` then `FROM ${BASE}` is pinned). `scratch`, earlier
    stages and references that stay unknown after expansion are not reported.

    ## Why is this bad?
    A tag is a moving pointer: `alpine:3.24` is rebuilt for every patch release, so the same
    Dockerfile gives different images on different days. A digest names exactly one image; a
    bot such as Renovate or Dependabot can keep it current. Tutorials usually do not need this,
    which is why the rule is off unless asked for.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d
    USER 65534:65534
    ```

    ## References
    - [Docker docs: pin base image versions](https://docs.docker.com/build/building/best-practices/#pin-base-image-versions)
    """
    args = global_arg_defaults(df)
    names: dict[str, int] = {}
    for index, stage in enumerate(df.stages):
        if stage.parent is None:
            yield from _check(stage.base_resolved, stage.from_instruction.line, "FROM")
        if stage.name is not None:
            names.setdefault(stage.name, index)
        for ins in map(effective, stage.instructions):
            for ref in ins.flag_values("from") if ins.keyword in ("COPY", "ADD") else ():
                if resolve_stage_ref(ref, names, len(df.stages), index) is None and any(c in ref for c in ":/"):
                    yield from _check(substitute(ref, args) if "$" in ref else ref, ins.line, "COPY --from")


def _check(ref, line, where):
    if not ref or ref.lower() == "scratch" or "$" in ref or ref.endswith(":") or "@sha256:" in ref:
        return
    yield Violation(line, f"{where} {ref} is not pinned by digest: use {ref}@sha256:<digest>")
