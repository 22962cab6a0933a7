"""DG703: the final image runs as a user name, not a numeric UID."""

from ...analysis.hygiene import chain
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

# Users whose UID is the same wherever the guide's base images define them.
_KNOWN_UIDS = {"nonroot": "65532:65532", "nobody": "65534:65534", "node": "1000:1000", "www-data": "33:33"}


@rule(id="DG703", whole_image=True, name="user-not-numeric", severity="info", guide="hardening.md#non-root-user",
      summary="End with a numeric `USER uid:gid` so runtimes can verify the image is non-root.",
      aliases=("DL3066",),
      requires=("user",))
def user_not_numeric(df, ctx):
    """
    ## What it does
    Fires when the user the final image runs as (the last USER of the final stage, or of the
    stage it is built FROM) is a name such as `nonroot` or `app` rather than a numeric UID.
    `root` is DG702's, and bases without `/etc/passwd` (scratch) are left to the scratch rules,
    where a name does not work at all.

    ## Why is this bad?
    Kubernetes' `runAsNonRoot: true` and similar admission policies only trust a numeric UID:
    with a name the pod is refused ("image has non-numeric user, cannot verify user is
    non-root"). A name also depends on the image's `/etc/passwd`, which a later base change
    can silently alter.

    ## Example
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    USER nonroot
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY app /app
    USER 65532:65532
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Kubernetes: SecurityContext runAsNonRoot](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1)
    """
    if df.stages:
        users = [ins for st in chain(df, df.stages[-1]) for ins in st.instructions if ins.keyword == "USER"]
        info = base_info(df, df.stages[-1])
    else:  # a fragment: its last USER, base unknown
        users, info = [ins for ins in df.instructions if ins.keyword == "USER"], None
    if not users:
        return
    name = users[-1].args.strip().split(":")[0].strip()
    if not name or name.isdigit() or "$" in name or name in ("root", "0") or (info is not None and not info.passwd):
        return
    hint = _created_uid(df, name) or _KNOWN_UIDS.get(name, "<uid>:<gid>")
    yield Violation(users[-1].line, f"USER {name} is a name: Kubernetes runAsNonRoot cannot verify it is not root; "
                                    f"use the numeric id (USER {hint})")


def _created_uid(df, name):
    """The UID an `adduser -u N name` / `useradd -u N name` in the Dockerfile gave `name`."""
    stages = chain(df, df.stages[-1]) if df.stages else ()
    for ins in (i for st in stages for i in st.instructions if i.keyword == "RUN"):
        for cmd in run_commands(ins):
            if cmd.name in ("adduser", "useradd") and cmd.argv[-1] == name:
                args = list(cmd.argv)
                for flag in ("-u", "--uid"):
                    if flag in args[:-1] and args[args.index(flag) + 1].isdigit():
                        return args[args.index(flag) + 1]
    return None
