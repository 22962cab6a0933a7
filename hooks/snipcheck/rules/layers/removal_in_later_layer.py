"""DG610: files removed in a later layer than the one that added them."""

import re

from ...analysis.queries import copy_words
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_REMOVE = {("apk", "del"), ("apt-get", "purge"), ("apt-get", "remove"), ("apt", "purge"), ("apt", "remove")}
_INSTALL = {("apk", "add"), ("apt-get", "install"), ("apt", "install")}


@rule(id="DG610", name="removal-in-later-layer", severity="warning", guide="layers.md#deleting-does-not-shrink",
      summary="Removing files in a later RUN does not make the image smaller.", fragment_ok=False,
      requires=("rm", "del", "purge", "remove"))
def removal_in_later_layer(df, ctx):
    r"""
    ## What it does
    In stages that reach the final image, fires on `apk del`, `apt-get purge/remove` of packages
    that an earlier RUN installed, and on `rm -r` of a path that an earlier COPY or ADD added.

    ## Why is this bad?
    Every instruction adds a layer on top of the previous ones. A removal only hides the files
    in the new layer: the bytes stay in the earlier layer, and the image is as large as before.
    Remove in the same RUN, or better, build in a separate stage.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    RUN apk add --no-cache musl-dev=1.2.6-r2
    WORKDIR /src
    RUN apk del musl-dev
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    RUN apk add --no-cache --virtual .build musl-dev=1.2.6-r2 \
        && apk del .build
    USER 65534:65534
    ```

    ## References
    - [Docker docs: image layers](https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/)
    """
    state: dict[int, tuple[dict, dict]] = {}
    for stage in df.stages:
        # A stage built FROM another keeps that stage's layers: start from its installs and files.
        inherited = state.get(stage.parent, ({}, {})) if stage.parent is not None else ({}, {})
        installed, added = dict(inherited[0]), dict(inherited[1])
        state[stage.index] = (installed, added)
        for ins in stage.instructions:
            if ins.keyword in ("COPY", "ADD") and not ins.heredocs:
                words = copy_words(ins)
                if words:
                    added[words[-1].rstrip("/") or "/"] = ins.line
                continue
            if ins.keyword != "RUN":
                continue
            this_layer: set[str] = set()
            for cmd in run_commands(ins):
                key = (cmd.name, cmd.subcommand())
                # `gcc=13.2` installs what `apk del gcc` removes: compare names without version pins
                packages = [re.split(r"[=~<>]", a)[0] for a in cmd.argv[2:] if not a.startswith("-")]
                if key in _INSTALL:
                    this_layer.update(packages)
                elif key in _REMOVE:
                    late = [p for p in packages if p in installed and p not in this_layer]
                    if late and stage.reaches_final:
                        yield Violation(ins.line, f"{' '.join(late)} installed on line {installed[late[0]]} is "
                                                  f"removed in a later layer: the image does not get smaller")
                elif cmd.name == "rm" and any(a.startswith("-") and "r" in a.lower() for a in cmd.argv[1:]):
                    for path in (a.rstrip("/") for a in cmd.argv[1:] if not a.startswith("-")):
                        if path in added and stage.reaches_final:
                            yield Violation(ins.line, f"{path} added on line {added[path]} is deleted in a later "
                                                      f"layer: it still takes space in the image")
            for p in this_layer:
                installed.setdefault(p, ins.line)
