"""DG102: `FROM` and `AS` written in different case."""

from ...rulekit import Violation, rule


@rule(id="DG102", name="from-as-casing", severity="info", guide="multi-stage.md#naming-stages",
      summary="The `AS` keyword should match the case of `FROM`.", aliases=("FromAsCasing",),
      fragment_ok=False,
      requires=("as",))
def from_as_casing(df, ctx):
    """
    ## What it does
    Fires on `FROM image as name` (or `from image AS name`): the `AS` keyword is not written in
    the same case as `FROM`. A `FROM` keyword in mixed case is left to DG104.

    ## Why is this bad?
    Nothing breaks, but a file that mixes cases is harder to scan, and BuildKit warns about it
    on every build.

    ## Example
    ```dockerfile
    FROM golang:1.27 as build
    RUN go version
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.27 AS build
    RUN go version
    USER 65534:65534
    ```

    ## References
    - [BuildKit check FromAsCasing](https://docs.docker.com/reference/build-checks/from-as-casing/)
    """
    for ins in df.instructions:
        words = ins.args.split()
        if ins.keyword != "FROM" or len(words) < 3 or words[1].lower() != "as":
            continue
        keyword, as_word = ins.raw_keyword, words[1]
        if keyword == keyword.lower() and as_word != as_word.lower():
            yield Violation(ins.line, f"{as_word!r} and {keyword!r} keywords' casing do not match: write 'as'")
        elif keyword == keyword.upper() and as_word != as_word.upper():
            yield Violation(ins.line, f"{as_word!r} and {keyword!r} keywords' casing do not match: write 'AS'")
