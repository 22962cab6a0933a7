"""DG702: the last USER of the final stage is root."""

from ...analysis.hygiene import chain
from ...rulekit import Violation, rule

_ROOT = {"root", "0"}


@rule(id="DG702", whole_image=True, name="last-user-root", severity="warning", guide="hardening.md#non-root-user",
      summary="The last USER of the final stage should not be root.", aliases=("DL3002",), fragment_ok=False,
      requires=("user",))
def last_user_root(df, ctx):
    """
    ## What it does
    Fires when the last `USER` in the final stage is `root` or UID 0 (with or without a group).
    Switching to root for an install step and back is fine. A final `FROM <stage>` without a USER
    of its own inherits the last USER of that stage (and so on up the chain), so a `USER root`
    there counts too.

    ## Why is this bad?
    The image then runs as root, with the risks explained in DG701, while the Dockerfile looks
    as if someone thought about users.

    ## Example
    ```dockerfile
    FROM debian:trixie-slim
    USER 65534
    RUN id
    USER root
    ```

    ## Use instead
    ```dockerfile
    FROM debian:trixie-slim
    USER root
    RUN id
    USER 65534
    ```

    ## References
    - [hadolint DL3002](https://github.com/hadolint/hadolint/wiki/DL3002)
    """
    if not df.stages:
        return
    users = [ins for st in chain(df, df.stages[-1]) for ins in st.instructions if ins.keyword == "USER"]
    if users and users[-1].args.strip().split(":")[0].strip() in _ROOT:
        yield Violation(users[-1].line, f"the image ends as {users[-1].args.strip()!r}: switch to a non-root user")
