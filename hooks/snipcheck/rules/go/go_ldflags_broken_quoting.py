"""DG404: a `-ldflags` value that the shell splits, or keeps from expanding."""

import re

from ...analysis.gobuild import go_args, stray_linker_flags
from ...analysis.flow import Flow
from ...analysis.queries import instructions, stage_at
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands, script_of

_SINGLE_QUOTED = re.compile(r"-ldflags[= ]+'([^']*\$[^']*)'")
_UNQUOTED_VAR = re.compile(r"-ldflags[= ]+\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?(?=[\s;&|)]|$)")


@rule(id="DG404", name="go-ldflags-broken-quoting", severity="error", guide="go-builds.md#version-stamping",
      summary='Quote the whole `-ldflags` value in double quotes: `-ldflags="-s -w -X main.version=${VERSION}"`.',
      requires=("go",))
def go_ldflags_broken_quoting(df, ctx):
    """
    ## What it does
    Fires on `go build`/`go install` whose `-ldflags` value was broken by the shell:
    unquoted (`-ldflags=-w -s` hands `-s` to go build itself; `-ldflags -X main.version=1`
    leaves `-X` without its value), expanded unquoted from a variable whose value has spaces
    (`-ldflags=$LDFLAGS`), kept literal in single quotes (`-ldflags='-X main.version=$VERSION'`),
    or written with a variable in a JSON-form RUN, which no shell expands.

    ## Why is this bad?
    The lucky cases fail the build with `flag provided but not defined: -s`. The others build
    fine and ship a binary whose version is the literal text `$VERSION`, or one that was never
    stripped. Version stamping is where this bites: the value has spaces and a variable.

    ## Example
    ```dockerfile fragment
    RUN CGO_ENABLED=0 go build -ldflags=-w -s -o /out/app .
    ```

    ## Use instead
    ```dockerfile fragment
    RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    ```

    ## References
    - [go help build: -ldflags takes a quoted, space-separated list](https://pkg.go.dev/cmd/go#hdr-Compile_packages_and_dependencies)
    """
    flow = Flow.of(df)
    for ins in instructions(df, "RUN"):
        script = script_of(ins)
        builds = [c for c in run_commands(ins) if go_args(c) is not None]
        if not builds:
            continue
        for cmd in builds:
            stray = stray_linker_flags(cmd)
            if stray:
                yield Violation(ins.line, f"the -ldflags value is not quoted: {', '.join(stray)} reached "
                                          f"`go {cmd.subcommand()}` instead of the linker; write "
                                          f'-ldflags="-s -w ..." with the whole value in double quotes')
        if ins.json_args is not None:
            for cmd in builds:
                value = go_args(cmd).get("ldflags") or ""
                if "$" in value:
                    yield Violation(ins.line, f"JSON-form RUN does not expand variables: -ldflags={value!r} reaches "
                                              f"the linker literally; use the shell form")
            continue
        for m in _SINGLE_QUOTED.finditer(script):
            yield Violation(ins.line, f"single quotes keep {m.group(1)!r} literal: the shell does not expand "
                                      f"variables inside them; use double quotes")
        stage = stage_at(df, ins.line) if df.stages else None
        env = flow.env_at(stage, ins.line) if stage is not None else {}
        for m in _UNQUOTED_VAR.finditer(script):
            value = env.get(m.group(1))
            if value and len(value.split()) > 1:
                yield Violation(ins.line, f"-ldflags=${m.group(1)} is not quoted and its value {value!r} has spaces: "
                                          f'the shell splits it; write -ldflags="${m.group(1)}"')
