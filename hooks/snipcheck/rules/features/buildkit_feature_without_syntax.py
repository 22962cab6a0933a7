"""DG901: BuildKit-only Dockerfile features without a `# syntax=` directive."""

import re

from ...analysis.queries import effective
from ...rulekit import Violation, rule

_FLAGS = {
    "RUN": ("mount", "network", "security"),
    "COPY": ("link", "chmod", "exclude", "parents"),
    "ADD": ("link", "chmod", "exclude", "parents", "checksum", "keep-git-dir", "unpack"),
}
_SYNTAX_COMMENT = re.compile(r"^syntax\s*=", re.I)


@rule(id="DG901", whole_image=True, name="buildkit-feature-without-syntax", severity="info",
      why='Docker Engine 23 and later build with a BuildKit frontend that knows these features; only older engines fail.',
      guide="gotchas.md",
      summary="Start a Dockerfile that uses BuildKit-only features with `# syntax=docker/dockerfile:1`.",
      fragment_ok=False)
def buildkit_feature_without_syntax(df, ctx):
    """
    ## What it does
    Fires once, on the first use, when a Dockerfile uses features of the newer Dockerfile
    frontend (`RUN --mount`, `--network`, `--security`, heredocs, `COPY`/`ADD` `--link`,
    `--chmod`, `--exclude`, `--parents`, `ADD --checksum`, `--keep-git-dir`) and has no
    `# syntax=` parser directive. A misplaced `# syntax=` line is DG902's and not repeated here.

    ## Why is this bad?
    Without the directive, the frontend built into the local Docker Engine parses the file, and
    its version decides what works: an older engine or the legacy builder rejects `--mount` or
    reads a heredoc as a broken command. `# syntax=docker/dockerfile:1` makes BuildKit use the
    current stable frontend of the 1.x line everywhere, whatever engine runs the build.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    RUN --mount=type=cache,target=/var/cache/apk apk add ca-certificates=20260909-r0
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM alpine:3.24
    RUN --mount=type=cache,target=/var/cache/apk apk add ca-certificates=20260909-r0
    USER 65534:65534
    ```

    ## References
    - [Dockerfile reference: syntax directive](https://docs.docker.com/reference/dockerfile/#syntax)
    """
    if df.directive("syntax") or any(_SYNTAX_COMMENT.match(c.text) for c in df.comments):
        return
    used: list[str] = []
    first = None
    for raw in df.instructions:
        ins = effective(raw)
        found = [f"{ins.keyword} --{f}" for f in _FLAGS.get(ins.keyword, ()) if ins.flag(f) is not None]
        if ins.heredocs:
            found.append(f"{ins.keyword} <<{ins.heredocs[0].name}")
        if found and first is None:
            first = raw.line
        used.extend(f for f in found if f not in used)
    if first is not None:
        yield Violation(first, f"{', '.join(used)} need(s) the Dockerfile frontend 1.x: add "
                               f"`# syntax=docker/dockerfile:1` as the first line")
