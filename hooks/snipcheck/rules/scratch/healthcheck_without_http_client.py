"""DG506: HEALTHCHECK calls curl or wget in an image that has neither."""

import json
import posixpath

from ...analysis.flow import Flow, installed_packages
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...analysis.shell import commands


@rule(id="DG506", name="healthcheck-without-http-client", severity="error", guide="gotchas.md",
      summary="HEALTHCHECK runs curl or wget, which the image does not contain.", fragment_ok=False,
      requires=("healthcheck",))
def healthcheck_without_http_client(df, ctx):
    """
    ## What it does
    Fires on `HEALTHCHECK CMD` (shell or exec form, also inside `sh -c "..."`) that runs
    `curl` or `wget` in a stage whose base image is known not to have that tool (`scratch`,
    distroless, `debian`, `ubuntu`; `alpine` and `busybox` have `wget` but no `curl`), unless
    the stage installs it or copies a binary of that name in.

    ## Why is this bad?
    The image builds and starts, and then every probe fails with `executable file not found`:
    Docker marks a working container unhealthy, and Swarm or Compose restarts it in a loop. In
    scratch and distroless images, let the app check itself (`/app -healthcheck`), or rely on
    the orchestrator's HTTP probe.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    HEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    HEALTHCHECK CMD ["/app", "-healthcheck"]
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Dockerfile reference: HEALTHCHECK](https://docs.docker.com/reference/dockerfile/#healthcheck)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        info = base_info(df, stage)
        if info is None:
            continue
        for ins in stage.instructions:
            if ins.keyword != "HEALTHCHECK":
                continue
            for tool in _tools(ins.args):
                if getattr(info, tool) or _provided(flow, stage, tool):
                    continue
                yield Violation(ins.line, f"HEALTHCHECK runs {tool}, but {stage.base} has no {tool} and the stage "
                                          f"does not install it: every probe fails")


def _tools(args: str) -> list[str]:
    words = args.split(None, 1)
    if len(words) < 2 or words[0].upper() != "CMD":
        return []
    text = words[1].strip()
    if text.startswith("["):
        try:
            argv = json.loads(text)
        except ValueError:
            return []
        text = argv[-1] if len(argv) >= 3 and argv[1] == "-c" else " ".join(argv)
    names = [posixpath.basename(c.argv[0]) for c in commands(text) if c.argv]
    return [t for t in ("curl", "wget") if t in names]


def _provided(flow, stage, tool: str) -> bool:
    if any(tool in installed_packages(step.cmd) for step in flow.stage_runs(stage)):
        return True
    words = (w for st in flow.chain(stage) for ins in st.instructions if ins.keyword in ("COPY", "ADD")
             for w in ins.args.split())
    return any(posixpath.basename(w.rstrip("/")) == tool for w in words)
