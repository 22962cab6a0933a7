"""DG902: a parser directive that is not at the very top is just a comment."""

import re

from ...rulekit import Violation, rule

_LOOKS_LIKE = re.compile(r"^(syntax|escape|check)\s*=\s*\S", re.I)
# BuildKit honours `# check=skip=<checks>` right above an instruction, to skip checks for it alone.
_LOCAL_SKIP = re.compile(r"^check\s*=\s*skip\s*=", re.I)


@rule(id="DG902", name="misplaced-parser-directive", severity="error", guide="gotchas.md",
      summary="Parser directives (`# syntax=`, `# escape=`, `# check=`) only work on the first lines.",
      requires=("syntax", "escape", "check"))
def misplaced_parser_directive(df, ctx):
    """
    ## What it does
    Fires on a comment of the form `# syntax=...`, `# escape=...` or `# check=...` that BuildKit
    does not read as a parser directive: one that comes after an instruction, an ordinary
    comment or an empty line, or a second directive of the same name. `# check=skip=...` above
    an instruction is left alone: BuildKit reads it there as a skip for that instruction.

    ## Why is this bad?
    BuildKit only looks for parser directives before the first comment, empty line or
    instruction. Anywhere else the line is an ordinary comment and is silently ignored: the
    `syntax` frontend is not used (heredocs or `COPY --exclude` then fail or behave differently),
    the escape character stays `\\`, check settings do nothing.

    ## Example
    ```dockerfile
    # Build the app
    # syntax=docker/dockerfile:1
    FROM alpine:3.24
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    # Build the app
    FROM alpine:3.24
    USER 65534:65534
    ```

    ## References
    - [Dockerfile reference: parser directives](https://docs.docker.com/reference/dockerfile/#parser-directives)
    """
    read = {d.line for d in df.directives}
    names = {d.name for d in df.directives}
    for comment in df.comments:
        m = _LOOKS_LIKE.match(comment.text)
        if not m or comment.line in read or _LOCAL_SKIP.match(comment.text):
            continue
        name = m.group(1).lower()
        before = [i for i in df.instructions if i.line < comment.line]
        if name in names:
            why = f"a {name} directive is already set on line {next(d.line for d in df.directives if d.name == name)}"
        elif before:
            why = f"it comes after the {before[0].keyword} on line {before[0].line}"
        else:
            why = "a comment or empty line comes before it"
        yield Violation(comment.line, f"`# {comment.text}` is not a parser directive ({why}): BuildKit reads it as a "
                                      f"plain comment; move it to the very first line")
