"""DG201: FROM an image tagged :latest."""

from ...images import MOVING_TAGS_ONLY_NOTE, only_moving_tags
from ...rulekit import Violation, rule


@rule(id="DG201", whole_image=True, name="image-latest-tag", severity="warning", guide="base-images.md#pin-the-tag",
      summary="Pin base images to a version tag instead of :latest.", aliases=("DL3007",))
def image_latest_tag(df, ctx):
    """
    ## What it does
    Fires on `FROM image:latest` (after global ARG defaults are substituted). Chainguard's free
    images (`cgr.dev/chainguard/...`) are published as `latest` and `latest-dev` only, with no
    version tag to pin: there `latest-dev` counts too, and the advice is a digest.

    ## Why is this bad?
    `latest` moves. The same Dockerfile builds a different image next month, and a new major
    version of the base (Alpine 3.23 to 3.24, Debian 12 to 13) can break the build or the app
    without any change on your side. Builds are not reproducible and caches are invalidated.

    ## Example
    ```dockerfile
    FROM alpine:latest
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    ```

    ## References
    - [hadolint DL3007](https://github.com/hadolint/hadolint/wiki/DL3007)
    """
    names = {s.name for s in df.stages if s.name}
    for stage in df.stages:
        ref = stage.base_resolved.lower()
        if ref in names or "@" in ref:
            continue
        if only_moving_tags(ref) and ":" in ref.rsplit("/", 1)[-1]:
            tag = ref.rsplit(":", 1)[1]
            yield Violation(stage.from_instruction.line, f"{stage.base} uses the moving tag {tag!r} "
                                                         f"({MOVING_TAGS_ONLY_NOTE}): pin it by digest "
                                                         f"({stage.base}@sha256:...) and let a bot such as "
                                                         f"Renovate move the digest")
        elif ref.endswith(":latest"):
            yield Violation(stage.from_instruction.line, f"{stage.base} uses the moving tag 'latest': pin a version")
