"""DG302: COPY --from=<stage> names a path that stage never produced."""

from ... import images
from ...analysis.paths import ZONEINFO, base_has, copy_parts, origin_of
from ...analysis.flow import Flow, join
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG302", whole_image=True, name="copy-from-missing-path", severity="warning", guide="multi-stage.md#copy-from",
      summary="`COPY --from` copies a path the source stage never produced.", fragment_ok=False,
      requires=("--from",))
def copy_from_missing_path(df, ctx):
    r"""
    ## What it does
    Follows each `COPY --from=<stage> <path>` back into the source stage and checks that something
    put the path there: a `go build -o`, a C compiler's `-o`, a COPY or ADD destination, a
    WORKDIR, `mkdir`/`touch`/`cp`/`mv` or a redirection, a package install (system paths only),
    or the base image itself, as far as the image table knows it (`golang:*-alpine` has no
    `/usr/share/zoneinfo` unless `tzdata` is added). Output written into a cache, tmpfs or bind
    mount does not count: it is not part of the stage. A command the checker does not model
    (`make`, a script) may write anywhere, and then the rule stays silent. `COPY --from=<image>`
    is checked against the image table the same way.

    ## Why is this bad?
    The build stops with `"/out/app": not found` at best. A typo in a path, a binary renamed
    with `-o`, or an output left in a cache mount are only found by building, and a docs
    example that was never built carries the mistake to every reader.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/server .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Dockerfile reference: COPY --from](https://docs.docker.com/reference/dockerfile/#copy---from)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        for ins in stage.instructions:
            ref = ins.flag("from") if ins.keyword == "COPY" else None
            if not ref or "$" in ref:
                continue
            sources, _ = copy_parts(flow, stage, ins)
            source = flow.stage_named(ref, stage)
            for src in sources:
                path = join("/", src)
                if path is None or any(c in src for c in "*?[") or src.startswith("<<"):
                    continue
                if source is not None:
                    origin = origin_of(flow, source, path)
                    if origin is None or origin.kind == "mounted":
                        yield Violation(ins.line, f"COPY --from={ref} {src}: stage {source.label!r} never produces "
                                                  f"{path}{_hint(flow, source, path, origin)}")
                else:
                    info = images.lookup(ref)
                    if info is not None and base_has(info, path) is False:
                        yield Violation(ins.line, f"COPY --from={ref} {src}: the image {ref} has no {path}")


def _hint(flow, source, path, origin):
    if origin is not None:
        return f" (line {origin.ins.line} writes it into a mount, which is not part of the stage)"
    info = base_info(flow.df, source)
    if path.startswith(ZONEINFO) and info is not None:
        return f" ({source.base_resolved} has no zoneinfo: install tzdata in that stage)"
    outputs = [a.get("o") for _, a in flow.go_steps(source) if a.get("o")]
    return f" (go build writes {', '.join(outputs)})" if outputs else ""
