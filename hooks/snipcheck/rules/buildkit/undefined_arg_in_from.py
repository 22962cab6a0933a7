"""DG109: FROM uses a variable that no global ARG declares."""

from .support import expand, global_arg_env, suggestion
from ...rulekit import Violation, rule


@rule(id="DG109", name="undefined-arg-in-from", severity="warning", guide="gotchas.md",
      summary="A variable in FROM must be declared by an ARG before the first FROM.",
      aliases=("UndefinedArgInFrom",), fragment_ok=False,
      requires=("$",))
def undefined_arg_in_from(df, ctx):
    """
    ## What it does
    Expands the image and the `--platform` value of every `FROM` the way BuildKit does, and
    fires on each variable that no `ARG` before the first `FROM` declares and that is not one of
    BuildKit's automatic platform arguments (`BUILDPLATFORM`, `TARGETARCH`, ...). A
    `${NAME:-default}` counts too: without the ARG, `--build-arg NAME=...` cannot change it.

    ## Why is this bad?
    An undeclared variable expands to an empty string: `FROM node:22${VARIANT}` silently pulls
    `node:22`, and a typo such as `$BULIDPLATFORM` breaks the build with a confusing message.

    ## Example
    ```dockerfile
    FROM golang:1.27${VARIANT} AS build
    RUN go version
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    ARG VARIANT=-alpine
    FROM golang:1.27${VARIANT} AS build
    RUN go version
    USER 65534:65534
    ```

    ## References
    - [BuildKit check UndefinedArgInFrom](https://docs.docker.com/reference/build-checks/undefined-arg-in-from/)
    """
    env, declared = global_arg_env(df)
    for stage in df.stages:
        ins = stage.from_instruction
        words = [stage.base, *ins.flag_values("platform")]
        missing: list[str] = []
        for word in words:
            for name in sorted(expand(word, env, df.escape).unmatched - declared):
                if name not in missing:
                    missing.append(name)
        for name in missing:
            yield Violation(ins.line, f"FROM argument {name!r} is not declared by an ARG before the first FROM"
                                      f"{suggestion(name, declared)}: it expands to an empty string")
