"""DG304: a global ARG (before the first FROM) used inside a stage that did not declare it again."""


from ...analysis.flow import IMAGE_ENV_NAMES, Flow
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...analysis.shell import assigned_names, expanded_text, ldflags_values, script_of
from ...stages import PREDEFINED_ARGS, global_arg_defaults, variables_used
from ..buildkit.support import base_image_env



@rule(id="DG304", name="global-arg-not-redeclared", severity="error", guide="multi-stage.md",
      summary="A RUN uses a global ARG that its stage did not declare again with `ARG NAME`: it is empty.",
      fragment_ok=False,
      requires=("$",))
def global_arg_not_redeclared(df, ctx):
    """
    ## What it does
    Fires when a RUN uses an `ARG` declared before the first `FROM` and its stage has not
    declared it again with a bare `ARG NAME` before that line. An `ENV` of the same name in the
    stage or the stages it is built on counts as a declaration, and so does an assignment in
    the script itself. For base images the checker does not know, which may set the name with
    their own ENV, only uses inside `-ldflags` are reported. The same mistake in instructions
    BuildKit expands itself (ENV, COPY, LABEL, ...) is reported by DG111 (undefined-variable),
    and a RUN variable that nothing declares at all by DG305 (undefined-variable-in-run).

    ## Why is this bad?
    A global ARG is in scope only for the FROM lines. Inside a stage it is not in the RUN's
    environment: the build succeeds and `--build-arg` is silently ignored, so
    `-X main.version=${VERSION}` ships an unversioned binary. One bare `ARG VERSION` inside the
    stage brings the global value (and its default) in.

    ## Example
    ```dockerfile
    ARG ALPINE_VERSION=3.24
    FROM alpine:${ALPINE_VERSION}
    RUN echo "alpine ${ALPINE_VERSION}" > /etc/build-info
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    ARG ALPINE_VERSION=3.24
    FROM alpine:${ALPINE_VERSION}
    ARG ALPINE_VERSION
    RUN echo "alpine ${ALPINE_VERSION}" > /etc/build-info
    USER 65534:65534
    ```

    ## References
    - [Dockerfile reference: how ARG and FROM interact](https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact)
    """
    global_args = global_arg_defaults(df)
    if not global_args:
        return
    flow = Flow.of(df)
    for stage in df.stages:
        known_base = base_info(df, stage) is not None
        image_env = base_image_env(df, stage) or frozenset()  # e.g. NODE_VERSION of node images
        for ins in stage.instructions:
            target = ins.inner or ins
            if target.keyword != "RUN" or target.json_args is not None:
                continue
            text = script_of(target)
            set_here = assigned_names(text)
            ldflags = {v for value in ldflags_values(text) for v in variables_used(value)}
            scope = flow.env_at(stage, ins.line)
            for name in dict.fromkeys(variables_used(expanded_text(text))):
                if name not in global_args or name in scope or name in image_env or name in set_here or name in IMAGE_ENV_NAMES \
                        or name in PREDEFINED_ARGS:
                    continue
                if not known_base and name not in ldflags:
                    continue
                yield Violation(ins.line, f"${name} is a global ARG (declared before the first FROM) and is empty in "
                                          f"stage {stage.label!r}: add `ARG {name}` inside the stage")
