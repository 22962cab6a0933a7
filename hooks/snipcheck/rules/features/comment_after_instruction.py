"""DG906: a `# comment` written after an instruction is one of its arguments, not a comment."""

import json
import re

from ...analysis.queries import trailing_comment_at
from ...rulekit import Violation, rule

# What BuildKit does with the extra words, for instructions that do not hand their text to a shell.
_EFFECT = {
    "FROM": "FROM then has too many arguments and the build fails",
    "EXPOSE": "each word is read as a port, and `#` is not one: the build fails",
    "ENV": "the words are read as more name=value pairs (the build fails), or as part of the value",
    "LABEL": "the words are read as more key=value pairs: the build fails",
    "ARG": "the words are read as more build argument names",
    "COPY": "`#` and the words after it become sources and the destination",
    "ADD": "`#` and the words after it become sources and the destination",
    "VOLUME": "each word becomes another volume",
    "WORKDIR": "the directory name then includes them",
    "USER": "the user name then includes them, and the container fails to start",
    "STOPSIGNAL": "the signal name then includes them: the build fails",
    "SHELL": "SHELL needs a JSON array: the build fails",
}
_EXEC_FORM = ("RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK")


@rule(id="DG906", name="comment-after-instruction", severity="error", guide="gotchas.md",
      summary="A `#` after an instruction is an argument, not a comment: put comments on their own line.",
      requires=("#",))
def comment_after_instruction(df, ctx):
    """
    ## What it does
    Fires on a `#` that follows an instruction's arguments after a space (`EXPOSE 8080 # http`,
    `WORKDIR /app # here`, `CMD ["app"] # start`) where it changes what the instruction does:
    instructions that do not run a shell (FROM, ENV, ARG, LABEL, EXPOSE, COPY, ADD, VOLUME,
    WORKDIR, USER, STOPSIGNAL, SHELL) and the JSON (exec) form of RUN, CMD, ENTRYPOINT and
    HEALTHCHECK. In the shell form of RUN, CMD and ENTRYPOINT the shell reads `# ...` as its
    own comment, so it is left alone; so is a `#` inside quotes or within a word (`ENV C=#fff`).

    ## Why is this bad?
    A Dockerfile comment is a line that starts with `#`; anywhere else `#` is an argument.
    Depending on the instruction the build fails (`FROM x AS y # z`, `EXPOSE 8080 # http`), or
    it silently does something else: `WORKDIR /app # here` creates a directory named
    `/app # here`, and `CMD ["app"] # start` is no longer JSON, so it runs in a shell as
    the command `["app"]`, which does not exist.

    ## Example
    ```dockerfile fragment
    WORKDIR /srv # the app lives here
    EXPOSE 8080 # http
    ```

    ## Use instead
    ```dockerfile fragment
    # the app lives here
    WORKDIR /srv
    # http
    EXPOSE 8080
    ```

    ## References
    - [Dockerfile reference: format](https://docs.docker.com/reference/dockerfile/#format)
    """
    for ins in df.instructions:
        target = ins.inner if ins.keyword == "ONBUILD" and ins.inner is not None else ins
        text = _argument_text(target)
        at = trailing_comment_at(text)
        if at < 0:
            continue
        comment = text[at:].strip()
        if target.keyword in _EXEC_FORM:
            effect = f"the text is no longer a JSON array, so {target.keyword} runs it in a shell as a command"
            if not _json_before(text[:at]):
                continue  # shell form: the shell reads `#` as its own comment
        elif target.keyword in _EFFECT:
            effect = _EFFECT[target.keyword]
        else:
            continue
        yield Violation(_line_of(ins, comment), f"`{_short(comment)}` after {target.keyword} is an argument, not a "
                                                f"comment: {effect}; put the comment on its own line above")


def _argument_text(ins) -> str:
    if ins.keyword == "HEALTHCHECK":
        return re.sub(r"^\s*CMD\s+", "", ins.args, flags=re.I)
    return ins.args


def _json_before(text: str) -> bool:
    head = text.strip()
    if not head.startswith("["):
        return False
    try:
        return isinstance(json.loads(head), list)
    except ValueError:
        return False


def _line_of(ins, comment: str) -> int:
    first = comment.split()[0] if comment.split() else "#"
    for n, raw in enumerate(ins.original.split("\n")):
        if raw.lstrip().startswith("#"):
            continue  # a comment line inside a continuation: dropped by the parser
        if f" {first}" in raw or f"\t{first}" in raw:
            return ins.line + n
    return ins.line


def _short(comment: str) -> str:
    return comment if len(comment) <= 40 else comment[:37] + "..."
