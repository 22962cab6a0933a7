"""DG904: `COPY . .` when the example shows no .dockerignore."""

from ...analysis.queries import copy_words, effective
from ...rulekit import Violation, rule


@rule(id="DG904", whole_image=True, name="copy-context-without-dockerignore", severity="info", guide="build-context.md",
      summary="Show a .dockerignore next to `COPY . .`, or copy named paths.",
      requires=("copy", "add"))
def copy_context_without_dockerignore(df, ctx):
    """
    ## What it does
    Fires on `COPY . <dest>` or `ADD . <dest>` (also `./` and the JSON form) from the build
    context when the example does not come with a `.dockerignore`: the fence option
    `dockerignore="path"`, a `.dockerignore` beside a Dockerfile, or a block of the same page that
    shows one (a block titled `.dockerignore`, a `dockerignore` block, a text or ignore-file block
    under a line that names `.dockerignore`, a shell block that writes it).
    Copies from another stage are not reported.

    ## Why is this bad?
    `COPY . .` copies the whole context: `.git`, local `.env` files, editor folders, build
    output, `node_modules`. It leaks files that should never be in an image, makes the layer
    larger and invalidates the cache on every unrelated change. A reader who copies the example
    without its `.dockerignore` gets all of that.

    ## Example
    ```dockerfile fragment
    WORKDIR /src
    COPY . .
    ```

    ## Use instead
    ```dockerfile fragment
    WORKDIR /src
    COPY go.mod go.sum main.go /src/
    ```

    ## References
    - [Docker docs: .dockerignore files](https://docs.docker.com/build/concepts/context/#dockerignore-files)
    """
    if ctx.dockerignore is not None or ctx.dockerignore_shown:
        return
    for raw in df.instructions:
        ins = effective(raw)
        if ins.keyword not in ("COPY", "ADD") or ins.flag("from") is not None or ins.heredocs:
            continue
        words = copy_words(ins)
        if any(w in (".", "./") for w in words[:-1]):
            yield Violation(ins.line, f"`{ins.keyword} {' '.join(words)}` sends the whole build context into the "
                                      f"image and no .dockerignore is shown: show one (fence option dockerignore=) "
                                      f"or copy named paths")
