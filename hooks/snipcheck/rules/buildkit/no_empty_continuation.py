"""DG103: an empty line inside a continued instruction."""

from ...rulekit import Violation, rule


@rule(id="DG103", name="no-empty-continuation", severity="warning", guide="gotchas.md",
      summary="Do not leave empty lines inside a continued instruction.", aliases=("NoEmptyContinuation",),
      requires=("\\", "`"))
def no_empty_continuation(df, ctx):
    """
    ## What it does
    Fires when an instruction continued with `\\` has empty lines among its continuation lines.
    Comment lines are fine.

    ## Why is this bad?
    The parser skips the empty line today, but this is deprecated and will become an error in
    a future release. It also often means a `\\` was left behind when a line was deleted, so
    the instruction swallowed more than intended.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    RUN mkdir -p \\

        /srv/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    RUN mkdir -p \\
        /srv/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check NoEmptyContinuation](https://docs.docker.com/reference/build-checks/no-empty-continuation/)
    """
    for ins in df.instructions:
        if ins.empty_continuation_lines:
            lines = ", ".join(str(n) for n in ins.empty_continuation_lines)
            yield Violation(ins.line, f"empty continuation line(s) {lines} inside this {ins.keyword}: remove them "
                                      f"(they will be an error in a future BuildKit)")
