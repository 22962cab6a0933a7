"""DG111: ENV, COPY, WORKDIR, USER, LABEL... use a variable nothing declares."""

from .support import base_image_env, expand, key_values, split_words, stage_scopes, suggestion
from ...stages import global_arg_defaults
from ...rulekit import Violation, rule

_WHOLE = ("WORKDIR", "USER", "STOPSIGNAL")
_LISTS = ("COPY", "ADD", "VOLUME", "EXPOSE")


@rule(id="DG111", name="undefined-variable", severity="warning", guide="gotchas.md",
      summary="A variable in ENV, ARG, COPY, ADD, WORKDIR, USER, LABEL... must be declared first.",
      aliases=("UndefinedVar",), fragment_ok=False,
      requires=("$",))
def undefined_variable(df, ctx):
    """
    ## What it does
    Expands the arguments that BuildKit itself expands (`ENV`, `ARG` defaults, `LABEL`,
    `COPY`/`ADD` paths and `--chown`/`--chmod`, `WORKDIR`, `USER`, `VOLUME`, `EXPOSE`,
    `STOPSIGNAL`) and fires on each `$NAME` that, at that point, no `ARG` or `ENV` of the stage
    (or of the stages it is built `FROM`) declares and the base image does not define. Stages
    on base images the checker does not know are skipped, since their ENV is unknown. RUN is
    left to DG305, since the shell expands it, not BuildKit.

    ## Why is this bad?
    The variable is silently empty: `COPY $APP_DIR/bin /usr/local/bin` copies the whole build
    context root, `ENV PATH=$PAHT:/opt/bin` wipes the `PATH`. A global `ARG` before `FROM`
    is not visible inside a stage until it is declared there again.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    ENV PATH=$GOBIN:$PATH
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    ARG GOBIN=/usr/local/go/bin
    ENV PATH=$GOBIN:$PATH
    USER 65534:65534
    ```

    ## References
    - [BuildKit check UndefinedVar](https://docs.docker.com/reference/build-checks/undefined-var/)
    """
    global_args = set(global_arg_defaults(df))
    for stage, inherited in stage_scopes(df).values():
        image_env = base_image_env(df, stage)
        if image_env is None:
            continue
        defined = dict.fromkeys(image_env, "")  # names in scope (values do not matter here)
        for ins in inherited:
            _declare(ins, defined, df.escape)
        for ins in stage.instructions:
            if ins.keyword == "ARG":
                yield from _check_arg(ins, defined, df.escape, global_args)
                continue
            missing: list[str] = []
            for word in _expanded_words(ins, df.escape):
                if "$" in word:  # only a `$` reads a variable: most words need no expanding
                    missing.extend(sorted(expand(word, defined, df.escape).unmatched))
            for name in dict.fromkeys(missing):
                hint = _hint(name, defined, global_args)
                yield Violation(ins.line, f"usage of undefined variable '${name}'{hint} in {ins.keyword}: no ARG or "
                                          f"ENV declares it, so it expands to nothing")
            _declare(ins, defined, df.escape)


def _check_arg(ins, defined: dict[str, str], escape: str, global_args: set[str]):
    for word in split_words(ins.args, escape):
        name, eq, value = word.partition("=")
        if eq:
            for missing in sorted(expand(value, defined, escape).unmatched):
                hint = _hint(missing, defined, global_args)
                yield Violation(ins.line, f"usage of undefined variable '${missing}'{hint} in the default of ARG "
                                          f"{name}: it expands to nothing")
        defined[name] = ""


def _hint(name: str, defined: dict[str, str], global_args: set[str]) -> str:
    if name in global_args:
        return f" (the global ARG {name} must be declared again in the stage: ARG {name})"
    return suggestion(name, defined).replace("mean ", "mean $")


def _expanded_words(ins, escape: str) -> list[str]:
    if ins.keyword in ("ENV", "LABEL"):
        pairs, _ = key_values(ins, escape)
        return [part for pair in pairs for part in pair]
    if ins.keyword in _WHOLE:
        return [ins.args.strip()]
    if ins.keyword in _LISTS:
        words = list(ins.words)
        words = [w for w in words if not w.startswith("<<")]
        return words + [v for f in ("chown", "chmod") for v in ins.flag_values(f)]
    return []


def _declare(ins, defined: dict[str, str], escape: str) -> None:
    if ins.keyword == "ENV":
        pairs, _ = key_values(ins, escape)
        defined.update((expand(k, {}, escape).result, "") for k, _ in pairs)
    elif ins.keyword == "ARG":
        defined.update((w.partition("=")[0], "") for w in split_words(ins.args, escape))
