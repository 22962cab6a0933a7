"""DG202: FROM an image without tag or digest."""

from ...images import MOVING_TAGS_ONLY_NOTE, only_moving_tags
from ...rulekit import Violation, rule


@rule(id="DG202", whole_image=True, name="image-untagged", severity="warning", guide="base-images.md#pin-the-tag",
      summary="Name a version tag (or digest) for every base image.", aliases=("DL3006",))
def image_untagged(df, ctx):
    """
    ## What it does
    Fires on `FROM image` without a tag or digest. Stage names, `scratch` and references that are
    only a variable are not images and are left alone. For Chainguard's free images, which have
    no version tags, the advice is a digest.

    ## Why is this bad?
    No tag means `latest`, with the same drift: builds are not reproducible and a new base image
    can break the app silently.

    ## Example
    ```dockerfile
    FROM debian
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM debian:trixie-slim
    USER 65534:65534
    ```

    ## References
    - [hadolint DL3006](https://github.com/hadolint/hadolint/wiki/DL3006)
    """
    names: set[str] = set()
    for stage in df.stages:
        ref = stage.base_resolved
        raw = stage.base
        last = ref.rsplit("/", 1)[-1]
        if ref and ref.lower() not in names and ref.lower() != "scratch" and not raw.startswith("$") \
                and ":" not in last and "@" not in ref:
            advice = (f"pin it by digest ({raw}:latest@sha256:...; {MOVING_TAGS_ONLY_NOTE})" if only_moving_tags(ref)
                      else f"pin a version tag or a digest ({raw}:<tag> or {raw}@sha256:...)")
            yield Violation(stage.from_instruction.line, f"{raw} has no tag: {advice}")
        if stage.name:
            names.add(stage.name)
