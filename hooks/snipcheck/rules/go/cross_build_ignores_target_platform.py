"""DG407: a builder on --platform=$BUILDPLATFORM whose `go build` ignores TARGETOS/TARGETARCH."""

import re

from ...analysis.flow import Flow
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands
from ...stages import parse_arg_declarations, parse_env_declarations, variables_used

_TARGET = re.compile(r"\$\{?TARGET(ARCH|PLATFORM)\b")


@rule(id="DG407", name="cross-build-ignores-target-platform", severity="warning", guide="cross-compiling.md",
      summary="A builder on `--platform=$BUILDPLATFORM` must set GOARCH from TARGETARCH for `go build`.",
      fragment_ok=False,
      requires=("buildplatform",))
def cross_build_ignores_target_platform(df, ctx):
    r"""
    ## What it does
    Fires on `go build`/`go install` in a stage that runs on the build machine's platform
    (`FROM --platform=$BUILDPLATFORM`, directly or through a `FROM <stage>` chain) when
    `GOARCH` is not taken from `$TARGETARCH` (or `$TARGETPLATFORM`): not on the command, not
    by `export`, not by `ENV`. `xx-go` from tonistiigi/xx sets it for you and passes, and so does
    `go install tool@version`, which installs a tool for the build machine itself.

    ## Why is this bad?
    `--platform=$BUILDPLATFORM` makes the builder run natively, which is the point of
    cross-compiling. But then `go build` compiles for the build machine: a
    `docker buildx build --platform linux/amd64,linux/arm64` ships an amd64 binary in the arm64
    image, and it dies with `exec format error`. A fixed `GOARCH=amd64` has the same effect.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM --platform=$BUILDPLATFORM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM --platform=$BUILDPLATFORM golang:1.27 AS build
    ARG TARGETOS TARGETARCH
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Docker docs: cross-compilation with BUILDPLATFORM](https://docs.docker.com/build/building/multi-platform/#cross-compilation)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        platform = next((st.from_instruction.flag("platform") for st in reversed(flow.chain(stage))
                         if st.from_instruction.flag("platform")), None)
        if not platform or "BUILDPLATFORM" not in variables_used(platform):
            continue
        for step, args in flow.go_steps(stage):
            if args.installs_tool:
                continue  # a tool for the build machine, e.g. a code generator: host arch is right
            raw = _raw_goarch(flow, stage, step)
            if raw is None or not _TARGET.search(raw):
                shown = f"GOARCH={raw}" if raw else "no GOARCH"
                yield Violation(step.ins.line, f"stage {stage.label!r} runs on $BUILDPLATFORM but "
                                               f"`go {step.cmd.subcommand()}` has {shown}: it builds for the build "
                                               f"machine; set GOOS=$TARGETOS GOARCH=$TARGETARCH")


def _raw_goarch(flow, stage, step):
    """GOARCH as written (before expansion): on the command, by export, or by ENV in the chain."""
    raw = dict(step.cmd.env).get("GOARCH")
    if raw is not None:
        return raw
    for cmd in run_commands(step.ins):
        if cmd == step.cmd:
            break
        if cmd.name == "export" or cmd.name == "go" and cmd.subcommand() == "env":
            raw = next((w.split("=", 1)[1] for w in cmd.argv[1:] if w.startswith("GOARCH=")), raw)
    if raw is not None:
        return raw
    for st in flow.chain(stage):
        for ins in st.instructions:
            if ins.keyword == "ENV" and (st is not stage or ins.line < step.ins.line):
                raw = dict(parse_env_declarations(ins.args)).get("GOARCH", raw)
            elif ins.keyword == "ARG" and st is stage and ins.line < step.ins.line:
                raw = dict(parse_arg_declarations(ins.args)).get("GOARCH", raw) or raw
    return raw
