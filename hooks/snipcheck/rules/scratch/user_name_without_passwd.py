"""DG505: `USER name` where the image has no /etc/passwd entry for that name."""

from ...analysis.paths import origin_of
from ...analysis.flow import Flow, expand
from ...analysis.queries import base_info
from ...rulekit import Violation, rule

_DISTROLESS_USERS = frozenset({"root", "nonroot", "nobody"})
_SYSTEM_USERS = frozenset("root daemon bin sys sync games man lp mail news uucp proxy www-data backup list irc "
                          "nobody adm operator guest ftp".split())


@rule(id="DG505", name="user-name-without-passwd", severity="error", guide="hardening.md#non-root-user",
      summary="`USER name` in scratch needs an /etc/passwd with that name; prefer numeric `USER 65532:65532`.",
      fragment_ok=False,
      requires=("user",))
def user_name_without_passwd(df, ctx):
    """
    ## What it does
    Fires on `USER name` (or `name:group`) in a stage built on `scratch` when no
    `/etc/passwd` (`/etc/group` for a group name) is copied in, and in `distroless` stages for
    names other than `root`, `nonroot` and `nobody`. When `/etc/passwd` is copied from a
    builder that never creates the user (`adduser`, `useradd`), that is reported too.
    Numeric IDs (`USER 65532:65532`) always pass: they need no lookup.

    ## Why is this bad?
    Docker resolves the name when the container starts. Without a matching passwd entry the
    image builds fine and then every `docker run` fails with
    `unable to find user app: no matching entries in passwd file`.

    ## Example
    ```dockerfile
    FROM scratch
    COPY app /app
    USER app
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM scratch
    COPY app /app
    USER 65532:65532
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Dockerfile reference: USER](https://docs.docker.com/reference/dockerfile/#user)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        info = base_info(df, stage)
        if info is None or not (info.family == "scratch" or info.family.startswith("distroless")):
            continue
        for ins in stage.instructions:
            if ins.keyword != "USER":
                continue
            spec = expand(ins.args.strip(), flow.env_at(stage, ins.line))
            if not spec:
                continue
            user, _, group = spec.partition(":")
            checks = [(user, "/etc/passwd")] + ([(group, "/etc/group")] if info.family == "scratch" else [])
            problem = next((p for p in (_problem(flow, stage, info, n, path) for n, path in checks) if p), None)
            if problem:
                yield Violation(ins.line, f"USER {spec}: {problem}; use a numeric UID:GID such as 65532:65532")


def _problem(flow, stage, info, name, path):
    if not name or name.isdigit():
        return None
    origin = origin_of(flow, stage, path)
    if origin is None or origin.kind in ("mounted", "base"):
        if info.family.startswith("distroless"):
            return None if name in _DISTROLESS_USERS else f"{stage.base} knows only root, nonroot and nobody"
        return f"{stage.base} has no {path}, so {name!r} cannot be resolved"
    if origin.kind == "copy" and origin.source is not None:
        source, source_path = origin.source
        created = origin_of(flow, source, source_path)
        source_info = base_info(flow.df, source)
        if created is not None and created.kind == "base" and source_info is not None and name not in (
                _DISTROLESS_USERS if source_info.family.startswith("distroless") else _SYSTEM_USERS):
            return f"the {path} copied from stage {source.label!r} has no {name!r} (no adduser/useradd there)"
    return None
