"""DG901: Dockerfile flags newer than the frontend built into the engine, without a `# syntax=` line."""

import re

from ...analysis.queries import effective
from ...model import Severity
from ...rulekit import Violation, rule

# (instruction, flag) -> the first Dockerfile frontend with the flag in its stable syntax, or "labs"
# when only the labs channel has it. From the "Minimum Dockerfile version" tables of the Dockerfile
# reference (moby/buildkit frontend/dockerfile/docs/reference.md, August 2026). Flags of 1.4 or
# older are absent: every engine that builds with BuildKit by default (Docker Engine 23.0 and later)
# carries a built-in frontend that has them (RUN --mount 1.2, --network 1.3, --chmod 1.2,
# --link and heredocs 1.4).
_NEWER = {
    ("ADD", "checksum"): "1.6",
    ("ADD", "unpack"): "1.17",
    ("ADD", "exclude"): "1.19",
    ("COPY", "exclude"): "1.19",
    ("RUN", "security"): "1.20",
    ("COPY", "parents"): "1.20",
    ("ADD", "parents"): "1.20",
    ("RUN", "device"): "labs",
}
_SYNTAX_COMMENT = re.compile(r"^syntax\s*=", re.I)


@rule(id="DG901", whole_image=True, name="buildkit-feature-without-syntax", severity="info",
      why="An engine whose built-in frontend is older rejects the file with a clear error; a labs-only flag "
          "fails on every built-in frontend (warning).",
      guide="gotchas.md#buildkit-features-without-the-syntax-line",
      summary="A flag newer than the engine's built-in Dockerfile frontend needs a `# syntax=` line on older engines.",
      fragment_ok=False,
      requires=("--checksum", "--unpack", "--exclude", "--security", "--parents", "--device"))
def buildkit_feature_without_syntax(df, ctx):
    """
    ## What it does
    Fires once, on the first use, when a Dockerfile without a `# syntax=` parser directive uses a
    flag that came after Dockerfile frontend 1.4: `ADD --checksum` (1.6), `ADD --unpack` (1.17),
    `COPY`/`ADD --exclude` (1.19), `RUN --security` and `COPY --parents` (1.20): info. A flag
    that only the labs channel has (`RUN --device`) is a warning unless the directive names a
    `-labs` frontend. `RUN --mount`, `RUN --network`, `--chmod`, `--link` and heredocs do not
    fire: they are part of the frontend built into every engine that uses BuildKit by default
    (Docker Engine 23.0 and later). A misplaced `# syntax=` line is DG902's and not repeated
    here.

    ## Why is this bad?
    Without the directive, the frontend built into the engine that runs the build parses the
    file, and its version decides which flags exist: an engine whose frontend predates the flag
    stops with "unknown flag". `# syntax=docker/dockerfile:1` makes BuildKit pull the current
    1.x frontend and use it on any engine, at the cost of one more image pulled per build and a
    build that fails where Docker Hub cannot be reached. Labs flags need
    `# syntax=docker/dockerfile:1-labs` everywhere.

    ## Example
    ```dockerfile
    FROM golang:1.27-trixie AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
        --mount=type=bind,target=. \\
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/ ./cmd/...
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --exclude=*-debug --from=build /out/ /usr/local/bin/
    ENTRYPOINT ["/usr/local/bin/server"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27-trixie AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
        --mount=type=bind,target=. \\
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/ ./cmd/...
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --exclude=*-debug --from=build /out/ /usr/local/bin/
    ENTRYPOINT ["/usr/local/bin/server"]
    ```

    ## References
    - [Dockerfile reference: syntax directive](https://docs.docker.com/reference/dockerfile/#syntax)
    - [Dockerfile release notes](https://docs.docker.com/build/buildkit/dockerfile-release-notes/)
    """
    syntax = df.directive("syntax")
    if syntax is None and any(_SYNTAX_COMMENT.match(c.text) for c in df.comments):
        return  # a misplaced directive: DG902
    labs = syntax is not None and "labs" in syntax.value
    used: list[tuple[str, str]] = []
    first = None
    for raw in df.instructions:
        ins = effective(raw)
        for (keyword, flag), version in _NEWER.items():
            if ins.keyword != keyword or ins.flag(flag) is None:
                continue
            if syntax is not None and (version != "labs" or labs):
                continue
            used.append((f"{keyword} --{flag}", version))
            first = raw.line if first is None else first
    if first is None:
        return
    seen = list(dict.fromkeys(used))
    needs_labs = any(v == "labs" for _, v in seen)
    what = ", ".join(f"`{f}` ({'labs only' if v == 'labs' else 'frontend ' + v})" for f, v in seen)
    if needs_labs:
        yield Violation(first, f"{what}: no built-in frontend has it; add `# syntax=docker/dockerfile:1-labs` "
                               f"as the first line", Severity.WARNING)
    else:
        yield Violation(first, f"{what} is newer than the frontend built into older engines: add "
                               f"`# syntax=docker/dockerfile:1` as the first line if the file must build there")
