"""DG107: CMD or ENTRYPOINT in shell form."""

from ..rulekit import Violation, rule


@rule(id="DG107", name="json-args-recommended", severity="warning", guide="hardening.md#signals",
      summary="Use the JSON (exec) form for CMD and ENTRYPOINT.",
      aliases=("JSONArgsRecommended", "DL3025"))
def json_args_recommended(df, ctx):
    """
    ## What it does
    Fires on `CMD` and `ENTRYPOINT` written in shell form (`CMD ./app serve`), unless the stage
    changed its shell with `SHELL`.

    ## Why is this bad?
    Shell form runs the program as a child of `/bin/sh -c`: the shell, not your server, is PID 1
    and receives SIGTERM, so `docker stop` waits ten seconds and then kills it. On scratch and
    distroless there is no `/bin/sh` and the container does not start at all.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    USER 65534:65534
    CMD /usr/local/bin/app serve
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm-slim
    USER 65534:65534
    CMD ["/usr/local/bin/app", "serve"]
    ```

    ## References
    - [BuildKit check JSONArgsRecommended](https://docs.docker.com/reference/build-checks/json-args-recommended/)
    """
    custom_shell = False
    for ins in df.instructions:
        if ins.keyword == "FROM":
            custom_shell = False
        elif ins.keyword == "SHELL":
            custom_shell = True
        elif ins.keyword in ("CMD", "ENTRYPOINT") and not ins.is_exec_form and ins.args.strip() and not custom_shell:
            yield Violation(ins.line, f"{ins.keyword} in shell form: write it as a JSON array so the program "
                                      f"receives signals, e.g. {_suggest(ins.args)}")


def _suggest(args: str) -> str:
    import json

    return json.dumps(args.split()[:3])
