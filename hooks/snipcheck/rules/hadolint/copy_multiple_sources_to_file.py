"""DG218: COPY of several sources to a destination that is not a directory."""

from .support import copy_paths
from ...analysis.queries import instructions
from ...rulekit import Violation, rule


@rule(id="DG218", name="copy-multiple-sources-to-file", severity="error", guide="gotchas.md",
      summary="COPY with more than one source needs a destination ending in `/`.", aliases=("DL3021",),
      requires=("copy",))
def copy_multiple_sources_to_file(df, ctx):
    """
    ## What it does
    Fires on `COPY` with two or more sources when the destination does not end with `/`
    (`.` and `..` count as directories).

    ## Why is this bad?
    With several sources the destination must be a directory. Without the trailing slash the
    classic builder refuses the instruction, and a reader cannot tell whether `/app/bin` is meant
    to be a file or a folder. The slash says it.

    ## Example
    ```dockerfile fragment
    COPY go.mod go.sum /src
    ```

    ## Use instead
    ```dockerfile fragment
    COPY go.mod go.sum /src/
    ```

    ## References
    - [hadolint DL3021](https://github.com/hadolint/hadolint/wiki/DL3021)
    """
    for ins in instructions(df, "COPY"):
        sources, dest = copy_paths(ins)
        if len(sources) > 1 and not dest.endswith("/") and dest not in (".", "..") and not dest.endswith("/."):
            yield Violation(ins.line, f"COPY of {len(sources)} sources to {dest!r}: end the destination with "
                                      f"'/' ({dest}/)")
