"""DG108: the deprecated MAINTAINER instruction."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule


@rule(id="DG108", name="maintainer-deprecated", severity="info", guide="reference/checks.md",
      summary="MAINTAINER is deprecated: use the `org.opencontainers.image.authors` label.",
      aliases=("MaintainerDeprecated", "DL4000"),
      requires=("maintainer",))
def maintainer_deprecated(df, ctx):
    """
    ## What it does
    Fires on every `MAINTAINER` instruction.

    ## Why is this bad?
    `MAINTAINER` has been deprecated since Docker 1.13. It only sets the legacy `Author` field,
    which tools ignore; the OCI label `org.opencontainers.image.authors` is what registries and
    scanners read.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    MAINTAINER Jane Doe <jane@example.com>
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    USER 65534:65534
    ```

    ## References
    - [BuildKit check MaintainerDeprecated](https://docs.docker.com/reference/build-checks/maintainer-deprecated/)
    - [hadolint DL4000](https://github.com/hadolint/hadolint/wiki/DL4000)
    """
    for ins in instructions(df, "MAINTAINER"):
        who = ins.args.strip()
        yield Violation(ins.line, f"MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors="
                                  f"\"{who}\" instead")
