"""DG701: the final stage never switches to a non-root user."""

import posixpath
import re

from ...analysis.queries import base_info, copy_words
from ...model import Severity
from ...rulekit import Violation, rule


@rule(id="DG701", whole_image=True, name="final-stage-runs-as-root", severity="warning", guide="hardening.md#non-root-user",
      summary="Run the final image as a non-root user.", aliases=("DS002", "CKV_DOCKER_3"), fragment_ok=False)
def final_stage_runs_as_root(df, ctx):
    """
    ## What it does
    Fires when the final stage (and the stages it is built FROM) has no `USER` instruction and
    its base image is known to run as root. Bases that already run as a non-root user, such as
    `gcr.io/distroless/static-debian13:nonroot`, pass without a USER line; unknown bases are left
    alone, and so is a `scratch` image with no ENTRYPOINT or CMD: it only carries files (an
    export stage for `--output`, a data image) and runs nothing. Official server images that leave root themselves, as documented for each image, are
    judged by what is left: an image whose entrypoint switches to the server's user (postgres,
    redis) passes while it runs that server; one whose master process stays root and runs its
    workers as a user (nginx, httpd) gets an info note. A replaced ENTRYPOINT, or a CMD that runs
    another program, bypasses the drop and gets the warning. When the image keeps what it runs
    under root's home (`ENV PATH=/root/.local/bin:$PATH`, a COPY to `/root/...`, `WORKDIR
    /root`), the message says to move it first: `/root` is mode 0700, so the new user could not
    reach it and the image would stop working.

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
    if info is None or info.user != "root":
        return
    line = final.from_instruction.line
    if info.family == "scratch" and not any(i.keyword in ("ENTRYPOINT", "CMD") for st in chain for i in st.instructions):
        return  # files only: nothing runs, as root or otherwise
    if info.privilege_drop and _runs_the_server(chain, info):
        if info.privilege_drop == "master":
            yield Violation(line, f"the final stage ({final.base}) starts {info.server} as root: its master process "
                                  f"stays root and runs the workers as {info.drops_to}; for a fully non-root "
                                  f"container add USER with a numeric UID and listen on a port above 1023",
                            Severity.INFO)
        return  # the entrypoint starts the server as its own user
    at_root = _root_home_line(chain)
    example = ("USER 1000:1000 (the image's own `node` user)" if info.family.split("-")[0] == "node" else "USER 65534:65534")
    yield Violation(line, f"the final stage ({final.base}) runs as root: add "
                          f"USER with a numeric UID, e.g. {example}" + (
                              "" if at_root is None else
                              f"; first move what line {at_root} keeps under /root (only root may enter it), "
                              f"e.g. to /opt, or that user cannot run it"))


# A path under root's home in an instruction's text: `/root`, `/root/.local/bin`, `PATH=/root/...`.
_ROOT_HOME = re.compile(r"(?:^|[\s=:\"'])/root(?:/|$|[\s:\"'])")


def _root_home_line(chain) -> int | None:
    """The first line of the final image's stages that puts or points to files under /root (a
    WORKDIR, a COPY/ADD destination, an ENV such as PATH), which a non-root user cannot reach."""
    lines = []
    for st in chain:
        for ins in st.instructions:
            if ins.keyword == "WORKDIR" or ins.keyword == "ENV":
                text = ins.args
            elif ins.keyword in ("COPY", "ADD"):
                words = copy_words(ins)
                text = words[-1] if len(words) >= 2 else ""
            else:
                continue
            if _ROOT_HOME.search(text):
                lines.append(ins.line)
    return min(lines) if lines else None


def _runs_the_server(chain, info) -> bool:
    """Does the final image still run the base image's server the way that drops root?"""
    entrypoint = cmd = None
    for st in chain:  # the final stage first: its instructions override the parents'
        for ins in reversed(st.instructions):
            if ins.keyword == "ENTRYPOINT" and entrypoint is None:
                entrypoint = ins
            elif ins.keyword == "CMD" and cmd is None:
                cmd = ins
    first = _program(entrypoint)
    if entrypoint is not None and not first.startswith("docker-entrypoint"):
        # the server started directly: a master still drops for its workers; no entrypoint, no gosu
        return info.privilege_drop == "master" and first == info.server
    program = _program(cmd)
    return cmd is None or program == info.server or program.startswith("-")


def _program(ins) -> str:
    if ins is None:
        return ""
    words = list(ins.words)
    if words[:1] == ["exec"]:
        words = words[1:]
    return posixpath.basename(words[0]) if words else ""
