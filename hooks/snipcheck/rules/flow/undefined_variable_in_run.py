"""DG305: a RUN uses a $VARIABLE that no ARG or ENV in scope declares."""

import re

from ...analysis.flow import Flow
from ...analysis.queries import base_info
from ...rulekit import Violation, rule
from ...analysis.shell import assigned_names, expanded_text, ldflags_values, script_of
from ...stages import PREDEFINED_ARGS, global_arg_defaults, secret_env_names, variables_used
from ..buildkit.support import base_image_env

_WELL_KNOWN = frozenset(
    "HOME PATH PWD OLDPWD SHELL USER HOSTNAME TERM IFS LANG LC_ALL RANDOM LINENO UID EUID PPID "
    "GOPATH GOROOT GOLANG_VERSION GOTOOLCHAIN GOCACHE GOMODCACHE GOOS GOARCH GOFLAGS".split()
)
_DEFAULTED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=?+])")


@rule(id="DG305", name="undefined-variable-in-run", severity="warning", guide="go-builds.md#version-stamping",
      summary="A RUN uses a variable that no ARG or ENV declares in its stage: it expands to nothing.",
      fragment_ok=False, requires=("$",))
def undefined_variable_in_run(df, ctx):
    r"""
    ## What it does
    Looks at the shell text of every RUN and reports `$NAME`/`${NAME}` that no `ARG` or `ENV` of
    the stage (or `ENV` of the stages it builds on) declares before that line, and that the
    script does not set itself. A global `ARG` (before the first FROM) that the stage does not
    declare again is left to DG304 (global-arg-not-redeclared). For base images the checker
    does not know, only variables inside `-ldflags` are reported, since such an image may set
    others with ENV.

    ## Why is this bad?
    The build succeeds and the variable is silently empty. The classic case is version stamping:
    `-ldflags="-X main.version=${VERSION}"` without `ARG VERSION` ships a binary whose version is
    the empty string, and `--build-arg VERSION=1.2.3` is ignored without a word.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app .
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    ARG VERSION=dev
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w -X main.version=${VERSION}" -o /out/app .
    USER 65534:65534
    ```

    ## References
    - [Dockerfile reference: ARG scope](https://docs.docker.com/reference/dockerfile/#scope)
    """
    global_args = global_arg_defaults(df)
    flow = Flow.of(df)  # ARG/ENV scope computed once per stage, not once per RUN
    for stage in df.stages:
        known_base = base_info(df, stage) is not None
        image_env = base_image_env(df, stage) or frozenset()  # e.g. NODE_VERSION of node images
        for ins in stage.instructions:
            target = ins.inner or ins
            if target.keyword != "RUN" or target.json_args is not None:
                continue
            script = script_of(target)
            used = variables_used(expanded_text(script))
            if not used:
                continue  # most RUN lines read no variable: nothing to look up
            set_here = assigned_names(script) | secret_env_names(target)
            defaulted = {m.group(1) for m in _DEFAULTED.finditer(script)}
            ldflags_vars = {v for value in ldflags_values(script) for v in variables_used(value)}
            scope = flow.env_at(stage, ins.line)
            reported = set()
            for name in used:
                if name in scope or name in image_env or name in PREDEFINED_ARGS or name in set_here or name in defaulted or name in _WELL_KNOWN or name in reported:
                    continue
                if name in global_args:  # a global ARG not declared again: DG304 reports it
                    continue
                if not known_base and name not in ldflags_vars:
                    continue
                reported.add(name)
                yield Violation(ins.line, f"${name} is not declared by any ARG or ENV in stage "
                                          f"{stage.label!r}: it expands to an empty string")
