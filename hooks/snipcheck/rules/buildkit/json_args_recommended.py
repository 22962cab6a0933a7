"""DG107: CMD or ENTRYPOINT in shell form."""

from ...analysis.paths import shell_missing
from ...analysis.queries import base_info, stage_at
from ...analysis.flow import Flow
from ...execform import exec_form, needs_shell, quoted_program, starts_with_exec
from ...model import Severity
from ...rulekit import Violation, rule


@rule(id="DG107", name="json-args-recommended", severity="warning", guide="hardening.md#signals",
      summary="Use the JSON (exec) form for CMD and ENTRYPOINT.",
      aliases=("JSONArgsRecommended", "DL3025"),
      requires=("cmd", "entrypoint"))
def json_args_recommended(df, ctx):
    """
    ## What it does
    Fires on `CMD` and `ENTRYPOINT` written in shell form (`CMD ./app serve`), unless the stage
    (or a stage it is built `FROM`) changed its shell with `SHELL`; also on `HEALTHCHECK CMD` in
    shell form, as hadolint does. On bases whose `/bin/sh` is busybox ash (alpine and the
    `-alpine` images, busybox), a single command in shell form is started with exec by the shell
    itself and receives signals: a shell-form CMD is left alone there, and a shell-form ENTRYPOINT
    is reported for what still goes wrong (it ignores CMD and the arguments of `docker run`).
    A command whose quotes make the program name one word with a space (`CMD "npm start"`) is
    an error on any base: the shell looks for a program called `npm start`, and the container
    does not start; the JSON array offered splits it (`CMD ["npm", "start"]`).

    ## Why is this bad?
    Shell form runs the program as a child of `/bin/sh -c` (dash, Debian's and Ubuntu's
    `/bin/sh`, forks even for a single command): the shell, not your server, is PID 1 and
    receives SIGTERM, so `docker stop` waits ten seconds and then kills it. On scratch and
    distroless there is no `/bin/sh` and the container does not start at all.

    ## Example
    ```dockerfile
    FROM debian:trixie-slim
    USER 65534:65534
    CMD /usr/local/bin/app serve
    ```

    ## Use instead
    ```dockerfile
    FROM debian:trixie-slim
    USER 65534:65534
    CMD ["/usr/local/bin/app", "serve"]
    ```

    ## References
    - [BuildKit check JSONArgsRecommended](https://docs.docker.com/reference/build-checks/json-args-recommended/)
    """
    flow = Flow.of(df)
    shell_by_stage: dict[int, bool] = {}  # a SHELL is inherited by stages built FROM this one
    custom_shell, index = False, -1
    for ins in df.instructions:
        if ins.keyword == "FROM":
            shell_by_stage[index] = custom_shell
            index += 1
            parent = df.stages[index].parent
            custom_shell = shell_by_stage.get(parent, False) if parent is not None else False
        elif ins.keyword == "SHELL":
            custom_shell = True
        elif ins.keyword in ("CMD", "ENTRYPOINT") and not ins.is_exec_form and ins.args.strip() and not custom_shell:
            stage = stage_at(df, ins.line) if df.stages else None
            if stage is not None and shell_missing(flow, stage) is not None:
                continue  # no /bin/sh at all: DG504 reports it as an error
            if starts_with_exec(ins.args):
                continue  # `exec prog`: the program replaces the shell and receives signals itself
            one_word = quoted_program(ins.args)
            if one_word is not None:
                yield Violation(ins.line, f"{ins.keyword} in shell form: the quotes make `{one_word[0]}` one word, "
                                          f"so the shell looks for a program of that name, which does not exist: "
                                          f"{ins.keyword} {one_word[1]}", Severity.ERROR)
                continue
            rewrite = exec_form(ins.args)
            if rewrite is not None and _sh_execs_single_commands(df, stage):
                if ins.keyword == "ENTRYPOINT":
                    yield Violation(ins.line, f"ENTRYPOINT in shell form ignores CMD and the arguments of `docker "
                                              f"run`: write it as a JSON array: ENTRYPOINT {rewrite}")
                continue  # busybox ash execs a lone command: the program is PID 1 and gets the signals
            if rewrite is not None:
                yield Violation(ins.line, f"{ins.keyword} in shell form: write it as a JSON array so the program "
                                          f"receives signals: {ins.keyword} {rewrite}")
            else:
                yield Violation(ins.line, f"{ins.keyword} in shell form: the program does not receive signals, and "
                                          f"a JSON array would change its meaning ({needs_shell(ins.args)}): keep "
                                          f"the shell and start the program with exec (`{ins.keyword} exec ...`) "
                                          f"or move the commands into an entrypoint script")
        elif ins.keyword == "HEALTHCHECK" and _shell_form_healthcheck(ins.args):
            stage = stage_at(df, ins.line) if df.stages else None
            if stage is not None and shell_missing(flow, stage) is not None:
                continue  # no /bin/sh at all: DG504 reports it as an error
            command = ins.args.split(None, 1)[1]
            rewrite = exec_form(command)
            if rewrite is None:
                continue  # it needs the shell (`|| exit 1`, $VAR), and the image has one
            yield Violation(ins.line, f"HEALTHCHECK CMD in shell form needs /bin/sh in the image: write it as a "
                                      f"JSON array: HEALTHCHECK CMD {rewrite}")


def _sh_execs_single_commands(df, stage) -> bool:
    """Is the stage's /bin/sh busybox ash, which replaces itself with the last simple command of `-c`?"""
    info = base_info(df, stage) if stage is not None else None
    return info is not None and info.shell and (info.libc == "musl" or info.family == "busybox")


def _shell_form_healthcheck(args: str) -> bool:
    words = args.split(None, 1)
    return len(words) == 2 and words[0].upper() == "CMD" and not words[1].strip().startswith("[")

