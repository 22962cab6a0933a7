"""DG603: libc6-compat or gcompat installed to run glibc binaries on Alpine."""

from ...analysis.flow import installed_packages
from ...analysis.queries import run_command_lines
from ...rulekit import Violation, rule

_SHIMS = ("libc6-compat", "gcompat")


@rule(id="DG603", name="libc-compat-workaround", severity="info", guide="libc.md",
      summary="`libc6-compat`/`gcompat` papers over a glibc binary on Alpine: build it static instead.",
      requires=("gcompat", "libc6-compat"))
def libc_compat_workaround(df, ctx):
    """
    ## What it does
    Fires on `apk add libc6-compat` or `apk add gcompat`.

    ## Why is this bad?
    These packages add a glibc-compatible loader on top of musl so that a binary built against
    glibc starts. They cover only part of glibc: DNS resolution, locales and `dlopen` differ,
    and failures show up at run time, in production. A Go program does not need either: build
    it with `CGO_ENABLED=0` and it runs anywhere.

    ## Example
    ```dockerfile fragment
    RUN apk add --no-cache libc6-compat=1.1.0-r4
    ```

    ## Use instead
    ```dockerfile fragment
    RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    ```

    ## References
    - [Alpine wiki: running glibc programs](https://wiki.alpinelinux.org/wiki/Running_glibc_programs)
    """
    for ins, cmd in run_command_lines(df):
        if cmd.name != "apk":
            continue
        for shim in (p for p in installed_packages(cmd) if p in _SHIMS):
            yield Violation(ins.line, f"`apk add {shim}` works around a binary linked against glibc: build it "
                                      f"statically (CGO_ENABLED=0 for Go) instead")
