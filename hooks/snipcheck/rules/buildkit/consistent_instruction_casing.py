"""DG104: instruction keywords in mixed or minority case."""

from ...rulekit import Violation, rule


@rule(id="DG104", name="consistent-instruction-casing", severity="info", guide="reference/checks.md",
      summary="Write all instruction keywords in the same case, upper or lower.",
      aliases=("ConsistentInstructionCasing",))
def consistent_instruction_casing(df, ctx):
    """
    ## What it does
    Counts the instructions written in upper case and in lower case (from the first `FROM` on,
    as BuildKit does), and fires on each keyword that does not follow the majority, including
    mixed-case ones such as `From` or `Run`. A tie counts as upper case.

    ## Why is this bad?
    Instructions are case-insensitive, so nothing breaks; but a reader scanning for `COPY` or
    `RUN` misses `copy` and `Run`, and BuildKit warns on every build.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    run mkdir -p /srv/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN mkdir -p /srv/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check ConsistentInstructionCasing](https://docs.docker.com/reference/build-checks/consistent-instruction-casing/)
    """
    first_from = next((n for n, i in enumerate(df.instructions) if i.keyword == "FROM"), 0)
    counted = df.instructions[first_from:]
    lower = sum(1 for i in counted if i.raw_keyword == i.raw_keyword.lower())
    upper = sum(1 for i in counted if i.raw_keyword == i.raw_keyword.upper())
    majority_lower = lower > upper
    for ins in counted:
        wanted = ins.raw_keyword.lower() if majority_lower else ins.raw_keyword.upper()
        if ins.raw_keyword != wanted:
            case = "lowercase" if majority_lower else "uppercase"
            yield Violation(ins.line, f"instruction {ins.raw_keyword!r} should match the case of the majority "
                                      f"({case}): write {wanted!r}")
