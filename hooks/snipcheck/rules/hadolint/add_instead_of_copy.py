"""DG217: ADD for plain files and folders."""

from .support import copy_paths
from ...analysis.queries import instructions
from ...rulekit import Violation, rule

_ARCHIVES = (".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz",
             ".txz", ".xz", ".zst")


@rule(id="DG217", name="add-instead-of-copy", severity="info",
      why='A local file added with ADD works like COPY; only a local tar archive is unpacked unexpectedly.',
      guide="build-context.md",
      summary="Use COPY for files and folders; keep ADD for URLs and archives to unpack.", aliases=("DL3020",),
      requires=("add",))
def add_instead_of_copy(df, ctx):
    """
    ## What it does
    Fires on `ADD` when a source is neither a URL nor a tar archive (which ADD unpacks). Sources
    given through a variable are left alone.

    ## Why is this bad?
    `ADD` does more than copy: it downloads URLs and unpacks local archives. Used for plain files
    it hides that magic behind an innocent-looking line; the day someone adds a `.tar.gz` to the
    folder, the image gets its contents instead of the file. `COPY` says exactly what it does.

    ## Example
    ```dockerfile fragment
    ADD config.yaml /etc/app/config.yaml
    ```

    ## Use instead
    ```dockerfile fragment
    COPY config.yaml /etc/app/config.yaml
    ```

    ## References
    - [hadolint DL3020](https://github.com/hadolint/hadolint/wiki/DL3020)
    """
    for ins in instructions(df, "ADD"):
        sources, _ = copy_paths(ins)
        plain = [s for s in sources if not (s.endswith(_ARCHIVES) or "://" in s or s.startswith("git@") or "$" in s)]
        if plain:
            yield Violation(ins.line, f"ADD {plain[0]}: use COPY for files and folders")
