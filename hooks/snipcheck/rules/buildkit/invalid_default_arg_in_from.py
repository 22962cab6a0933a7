"""DG116: with the ARG defaults, FROM names no valid image."""

from .support import expand, global_arg_env, is_valid_reference
from ...rulekit import Violation, rule


@rule(id="DG116", name="invalid-default-arg-in-from", severity="error", guide="base-images.md#pin-the-tag",
      summary="FROM must name a valid image when no --build-arg is given.",
      aliases=("InvalidDefaultArgInFrom",), fragment_ok=False,
      requires=("$",))
def invalid_default_arg_in_from(df, ctx):
    """
    ## What it does
    Expands the image of every `FROM` that uses a variable with the defaults of the ARGs
    before the first `FROM` (an ARG without a default is empty), and fires when the result is
    not a valid image reference, such as `golang:` or an empty name.

    ## Why is this bad?
    The file only builds when the caller remembers `--build-arg`; everyone else, including a
    reader who copies the snippet, gets `invalid reference format`. A default makes the file
    work as shown.

    ## Example
    ```dockerfile
    ARG GO_VERSION
    FROM golang:${GO_VERSION}
    RUN go version
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    ARG GO_VERSION=1.27
    FROM golang:${GO_VERSION}
    RUN go version
    USER 65534:65534
    ```

    ## References
    - [BuildKit check InvalidDefaultArgInFrom](https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/)
    """
    env, declared = global_arg_env(df)
    for stage in df.stages:
        if "$" not in stage.base:
            continue
        expansion = expand(stage.base, env, df.escape)
        result = expansion.result
        if not is_valid_reference(result):
            shown = f"{result!r}" if result else "an empty name"
            defaulted = expansion.matched and not expansion.unmatched and all(env.get(n) for n in expansion.matched)
            undeclared = sorted(expansion.unmatched - declared)
            fix = ("give the ARG a default that is a valid image name (a --build-arg still overrides it)" if defaulted
                   else f"declare it with a default before the first FROM (ARG {undeclared[0]}=...)" if undeclared
                   else "give the ARG a default")
            yield Violation(stage.from_instruction.line,
                            f"with the ARG defaults, {stage.base} expands to {shown}, which is not a valid image "
                            f"name: {fix}")
