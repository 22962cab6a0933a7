"""DG118: COPY or ADD of a path that the .dockerignore shown with the example excludes."""

from ...analysis.queries import copy_words, is_remote_source
from ...dockerignore import ignored_source
from ...rulekit import Violation, rule


@rule(id="DG118", name="copy-ignored-file", severity="error", guide="build-context.md",
      summary="COPY/ADD a path that .dockerignore excludes: it is not in the build context.",
      aliases=("CopyIgnoredFile",),
      requires=("copy", "add"))
def copy_ignored_file(df, ctx):
    """
    ## What it does
    When the snippet comes with a `.dockerignore` (the fence option `dockerignore=`, or the
    file next to a Dockerfile given to the CLI), matches every local source of `COPY` and `ADD`
    against it with Docker's rules (`*`, `**`, `!` exceptions, last match wins) and fires on
    sources that are excluded. `COPY --from`, URLs, heredocs and paths with variables are
    skipped; `COPY . .` counts only when the whole context is excluded, and an exception that
    re-includes something below the source clears it.

    ## Why is this bad?
    Excluded files never reach the builder: a single file fails the build with `not found`, a
    directory arrives empty or incomplete, and the example in the docs does not work.

    ## Example
    ~~~markdown
    ```text title=".dockerignore"
    # documentation stays out of the build context
    *.md
    ```

    ```dockerfile dockerignore="examples/no-markdown.dockerignore"
    FROM alpine:3.24
    COPY README.md /usr/share/doc/app/
    USER 65534:65534
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```text title=".dockerignore"
    # documentation stays out of the build context, except the README
    *.md
    !README.md
    ```

    ```dockerfile dockerignore="examples/no-markdown-but-readme.dockerignore"
    FROM alpine:3.24
    COPY README.md /usr/share/doc/app/
    USER 65534:65534
    ```
    ~~~

    ## References
    - [BuildKit check CopyIgnoredFile](https://docs.docker.com/reference/build-checks/copy-ignored-file/)
    """
    if ctx.dockerignore is None:
        return
    for ins in df.instructions:
        if ins.keyword not in ("COPY", "ADD") or ins.flag("from") is not None:
            continue
        words = list(copy_words(ins))
        for source in words[:-1]:
            if source.startswith("<<") or "$" in source or is_remote_source(source):
                continue
            if ignored_source(ctx.dockerignore, source.strip("\"'")):
                yield Violation(ins.line, f"{ins.keyword} source {source!r} is excluded by .dockerignore: it is not "
                                          f"in the build context")
