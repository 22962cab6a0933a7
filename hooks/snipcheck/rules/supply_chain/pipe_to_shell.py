"""DG801: a script downloaded and executed in one go (`curl ... | sh`)."""

import re

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...analysis.shell import Command, commands, script_of

_FETCH = {"curl", "wget", "fetch"}
_RUNNERS = {"sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python2", "python3", "perl", "ruby", "node", "php"}
# `sh -c "$(curl ...)"` and `bash <(curl ...)`: the same thing without a pipe.
_SUBST = re.compile(r"\b(?:ba|z|da|k|a)?sh\b[^|;&\n]*?(?:\$\(|<\(|`)\s*(curl|wget)\b")


@rule(id="DG801", name="pipe-to-shell", severity="warning", guide="hardening.md",
      summary="Download a script, verify it, then run it; never `curl ... | sh`.",
      requires=("curl", "wget", "fetch"))
def pipe_to_shell(df, ctx):
    r"""
    ## What it does
    Fires on a RUN (heredoc bodies included) that pipes `curl` or `wget` output into a shell or
    interpreter (`sh`, `bash`, `python3`, `perl`, ... also behind `sudo`), or runs it through
    `sh -c "$(curl ...)"` or `bash <(curl ...)`. Piping a download into `tar`, `gpg` or
    `sha256sum` is fine.

    ## Why is this bad?
    Whatever the server sends at build time runs as root in the build, unreviewed and
    unverifiable: a compromised host, a hijacked domain or a truncated download that cuts a
    command in half. The image cannot be rebuilt to the same result either. Download to a file,
    check its checksum, then run it (or use `ADD --checksum`).

    ## Example
    ```dockerfile fragment
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN curl -fsSL https://get.example.com/install.sh | sh
    ```

    ## Use instead
    ```dockerfile fragment
    ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
        https://get.example.com/install.sh /tmp/install.sh
    RUN sh /tmp/install.sh && rm /tmp/install.sh
    ```

    ## References
    - [Docker docs: ADD --checksum](https://docs.docker.com/reference/dockerfile/#add---checksum)
    """
    for ins in instructions(df, "RUN"):
        script = script_of(ins)
        pipeline: list[Command] = []
        for cmd in commands(script):
            program = _program(cmd)
            if program in _RUNNERS and any(_program(c) in _FETCH for c in pipeline):
                fetch = next(_program(c) for c in pipeline if _program(c) in _FETCH)
                yield Violation(ins.line, f"`{fetch} ... | {program}` runs a downloaded script unverified: download "
                                          f"it, check its checksum, then run it")
                break
            pipeline = pipeline + [cmd] if cmd.piped else []
        else:
            m = _SUBST.search(script)
            if m:
                yield Violation(ins.line, f"a shell runs the output of `{m.group(1)}` unverified: download it, check "
                                          f"its checksum, then run it")


def _program(cmd: Command) -> str:
    """The program a command runs, looking through `sudo -E` and the like."""
    argv = list(cmd.argv)
    while argv and (argv[0].startswith("-") or "=" in argv[0]
                    or argv[0].rsplit("/", 1)[-1] in ("sudo", "doas", "env")):
        argv.pop(0)  # `sudo -E bash`: the shell parser already dropped `sudo`, not its flags
    return argv[0].rsplit("/", 1)[-1] if argv else ""
