"""DG701: the final stage never switches to a non-root user."""

from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG701", whole_image=True, name="final-stage-runs-as-root", severity="warning", guide="hardening.md#non-root-user",
      summary="Run the final image as a non-root user.", aliases=("DS002", "CKV_DOCKER_3"), fragment_ok=False)
def final_stage_runs_as_root(df, ctx):
    """
    ## What it does
    Fires when the final stage (and the stages it is built FROM) has no `USER` instruction and
    its base image is known to run as root. Bases that already run as a non-root user, such as
    `gcr.io/distroless/static-debian13:nonroot`, pass without a USER line; unknown bases are left
    alone.

    ## Why is this bad?
    A process running as root inside the container is root on the host's kernel: a bug in the
    app or a container escape gets full privileges. A Go server needs no privileges at all.

    ## Example
    ```dockerfile
    FROM debian:trixie-slim
    COPY app /usr/local/bin/app
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM debian:trixie-slim
    COPY app /usr/local/bin/app
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## References
    - [Docker docs: USER](https://docs.docker.com/reference/dockerfile/#user)
    """
    if not df.stages:
        return
    final = df.stages[-1]
    chain = [final]
    while chain[-1].parent is not None and len(chain) <= len(df.stages):
        chain.append(df.stages[chain[-1].parent])
    if any(ins.keyword == "USER" for st in chain for ins in st.instructions):
        return
    info = base_info(df, final)
    if info is not None and info.user == "root":
        yield Violation(final.from_instruction.line, f"the final stage ({final.base}) runs as root: add "
                                                     f"USER with a numeric UID, e.g. USER 65534:65534")
