"""DG905: `SHELL ["/bin/bash", ...]` on a base image that has no bash."""

from ...analysis.hygiene import chain, install_remove
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG905", name="shell-without-bash", severity="error", guide="gotchas.md",
      summary="Do not switch SHELL to bash on a base without bash (alpine, busybox, distroless).",
      fragment_ok=False,
      requires=("shell",))
def shell_without_bash(df, ctx):
    """
    ## What it does
    Fires on a `SHELL` instruction that runs bash in a stage whose base image has none
    (alpine, golang:*-alpine, busybox, distroless, scratch), unless bash was installed by an
    earlier RUN of that stage or of a stage it is built FROM. The base is followed through
    `FROM <stage>` chains and ARG defaults; unknown bases are left alone.

    ## Why is this bad?
    Every later shell-form RUN then fails with `/bin/bash: no such file or directory`. On
    Alpine and busybox, `ash` supports `-o pipefail` too: `SHELL ["/bin/ash", "-eo",
    "pipefail", "-c"]` gives the same safety without another package.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN wc -l /etc/passwd | tee /tmp/count
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
    RUN wc -l /etc/passwd | tee /tmp/count
    USER 65534:65534
    ```

    ## References
    - [Dockerfile reference: SHELL](https://docs.docker.com/reference/dockerfile/#shell)
    """
    for stage in df.stages:
        info = base_info(df, stage)
        if info is None or info.bash:
            continue
        earlier = [ins for st in chain(df, stage) for ins in st.instructions]
        for ins in stage.instructions:
            if ins.keyword != "SHELL" or not ins.json_args:
                continue
            program = ins.json_args[0].rsplit("/", 1)[-1]
            if program != "bash":
                continue
            before = [i for i in earlier if i.line < ins.line and i.keyword == "RUN"]
            if any("bash" in pkgs for i in before for _, pkgs in install_remove(i)[0]):
                continue
            base = chain(df, stage)[0].base_resolved
            yield Violation(ins.line, f"SHELL runs {ins.json_args[0]}, but {base} has no bash: every later RUN fails; "
                                      f"install bash first or use /bin/ash (it supports -o pipefail)")
