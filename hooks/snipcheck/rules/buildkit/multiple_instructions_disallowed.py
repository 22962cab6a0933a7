"""DG112: more than one CMD or ENTRYPOINT in a stage."""

from ...rulekit import Violation, rule

_ONCE = ("CMD", "ENTRYPOINT")  # a second HEALTHCHECK is DG212


@rule(id="DG112", name="multiple-instructions-disallowed", severity="warning", guide="gotchas.md",
      summary="Only the last CMD or ENTRYPOINT of a stage takes effect.",
      aliases=("MultipleInstructionsDisallowed", "DL4003", "DL4004"),
      requires=("cmd", "entrypoint"))
def multiple_instructions_disallowed(df, ctx):
    """
    ## What it does
    Fires when a stage has more than one `CMD` or `ENTRYPOINT`. Like BuildKit, it points at
    the earlier instruction: that is the one that is silently ignored. A stage built `FROM`
    another stage may override the inherited ones. A second `HEALTHCHECK` is DG212.

    ## Why is this bad?
    Only the last one counts. An earlier `CMD` left in place misleads every reader about what
    the container runs, and usually marks an edit that went wrong.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    CMD ["/usr/local/bin/app", "serve"]
    CMD ["/usr/local/bin/app", "migrate"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    ENTRYPOINT ["/usr/local/bin/app"]
    CMD ["serve"]
    ```

    ## References
    - [BuildKit check MultipleInstructionsDisallowed](https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/)
    - [hadolint DL4003](https://github.com/hadolint/hadolint/wiki/DL4003), [DL4004](https://github.com/hadolint/hadolint/wiki/DL4004)
    """
    last: dict[str, int] = {}
    label = "this snippet" if df.is_fragment else ""
    for ins in df.instructions:
        if ins.keyword == "FROM":
            last = {}
            words = ins.args.split()
            label = f"stage {words[2].lower()!r}" if len(words) >= 3 and words[1].lower() == "as" else "this stage"
        elif ins.keyword in _ONCE:
            if ins.keyword in last:
                yield Violation(last[ins.keyword], f"{ins.keyword} is overridden by the {ins.keyword} on line "
                                                   f"{ins.line} in {label}: only the last one takes effect")
            last[ins.keyword] = ins.line
