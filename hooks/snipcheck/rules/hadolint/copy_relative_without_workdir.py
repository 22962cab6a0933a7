"""DG223: COPY to a relative destination before any WORKDIR."""

from .support import copy_paths, inherited_before
from ...analysis.queries import effective
from ...rulekit import Violation, rule


@rule(id="DG223", whole_image=True, name="copy-relative-without-workdir", severity="info",
      why="The files land in the base image's working directory (often /); the image usually still works.",
      guide="multi-stage.md#workdir",
      summary="Set WORKDIR before a COPY to a relative destination.", aliases=("DL3045",),
      requires=("copy",))
def copy_relative_without_workdir(df, ctx):
    """
    ## What it does
    Fires on `COPY` to a relative destination (`.`, `app/`) when neither the stage nor a stage it is
    built `FROM` has set a `WORKDIR` yet. Absolute paths, Windows drive paths and destinations that
    start with a variable are fine.

    ## Why is this bad?
    A relative destination is resolved against the working directory, which then comes from the
    base image: `/` for most, `/go` for golang, whatever the maintainer chose elsewhere. The files
    land somewhere the next lines may not expect, and a new base image moves them silently.

    ## Example
    ```dockerfile fragment
    COPY go.mod go.sum ./
    ```

    ## Use instead
    ```dockerfile fragment
    WORKDIR /src
    COPY go.mod go.sum ./
    ```

    ## References
    - [hadolint DL3045](https://github.com/hadolint/hadolint/wiki/DL3045)
    """
    for raw in df.instructions:
        ins = effective(raw)
        if ins.keyword != "COPY":
            continue
        _, dest = copy_paths(ins)
        if not dest or _absolute(dest) or dest.startswith("$"):
            continue
        if any(effective(i).keyword == "WORKDIR" for i in inherited_before(df, raw.line)):
            continue
        yield Violation(raw.line, f"COPY to relative {dest!r} with no WORKDIR set: the files land in the base "
                                  f"image's working directory")


def _absolute(path: str) -> bool:
    return path.startswith(("/", "\\")) or (len(path) > 2 and path[1] == ":" and path[2] in "/\\")
