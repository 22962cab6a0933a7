"""Helpers the hadolint-parity rules share: command-line flags the way hadolint reads them,
COPY/ADD source and destination paths, and instructions grouped by stage.

Pure functions over `shell.Command` and `model.Instruction`; nothing here knows about a rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...patterns import LazyPattern
from ...model import Dockerfile, Instruction
from ...analysis.shell import Command
from ...analysis.queries import trailing_comment_at
from ...stages import mount_options, parse_env_declarations


def flag_names(cmd: Command) -> list[str]:
    """Flags of a command as hadolint sees them: `--name=x` -> name, `-abc` -> a, b, c."""
    out: list[str] = []
    for arg in cmd.argv[1:]:
        if arg in ("-", "--") or not arg.startswith("-"):
            continue
        if arg.startswith("--"):
            out.append(arg[2:].split("=", 1)[0])
        else:
            out.extend(arg[1:])
    return out


def has_flag(cmd: Command, *names: str) -> bool:
    """True when any flag in `names` is given (`y` also matches inside `-qy`)."""
    given = flag_names(cmd)
    return any(n in given for n in names)


def flag_values(cmd: Command, *names: str) -> list[str]:
    """Values of `--name=value`, `--name value` and `-n value` for the flags in `names`."""
    out: list[str] = []
    args = cmd.argv[1:]
    for i, arg in enumerate(args):
        if not arg.startswith("-") or arg in ("-", "--"):
            continue
        name, eq, value = arg.lstrip("-").partition("=")
        if name in names:
            if eq:
                out.append(value)
            elif i + 1 < len(args):
                out.append(args[i + 1])
    return out


def positional(cmd: Command, takes_value: tuple[str, ...] = ()) -> list[str]:
    """Arguments that are not flags, skipping the separate value of flags named in `takes_value`."""
    out: list[str] = []
    skip = False
    for arg in cmd.argv[1:]:
        if skip:
            skip = False
            continue
        if arg.startswith("-") and arg not in ("-", "--"):
            if "=" not in arg:
                # `--name value`, or a short cluster whose last letter takes the value (`-qt value`)
                skip = (arg[2:] if arg.startswith("--") else arg[-1]) in takes_value
            continue
        out.append(arg)
    return out


def after_subcommand(words: list[str], sub: str) -> list[str]:
    """Words after the first `sub` (e.g. the packages after `install`)."""
    return words[words.index(sub) + 1:] if sub in words else []


_WORD = re.compile(r"(?:\"[^\"]*\"|'[^']*'|[^\s\"']+)+")
_PIP = LazyPattern(r"^pip(\d+(\.\d+)*|x)?$")


def pip_install_args(cmd: Command) -> list[str] | None:
    """The words after `install` of `pip install`, `pip3 install`, `pipx install` or
    `python -m pip install`; None when the command is none of these."""
    argv = list(cmd.argv)
    if cmd.name.startswith("python") and "-m" in argv:
        i = argv.index("-m")
        argv = argv[i + 1:]
    if not argv or not _PIP.match(argv[0].rsplit("/", 1)[-1]) or "install" not in argv[1:]:
        return None
    return argv[argv.index("install", 1) + 1:]


def unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


@lru_cache(maxsize=4096)  # four COPY rules ask for the same instruction's paths
def copy_paths(ins: Instruction) -> tuple[tuple[str, ...], str]:
    """Sources and destination of a COPY or ADD (quotes removed), ((), '') when there are none."""
    if ins.json_args is not None:
        words = list(ins.json_args)
    else:
        # not shlex: backslashes stay (Windows paths), only surrounding quotes go; a trailing
        # `# comment` is judged by DG906, the paths here are the ones the author meant
        at = trailing_comment_at(ins.args)
        words = [unquote(w) for w in _WORD.findall(ins.args if at < 0 else ins.args[:at])]
    if len(words) < 2:
        return (), ""
    return tuple(words[:-1]), words[-1]


def cache_mount_targets(ins: Instruction, types: tuple[str, ...] = ("cache", "tmpfs")) -> list[str]:
    """Targets of the RUN's `--mount`s of the given types."""
    out = []
    for spec in ins.flag_values("mount"):
        opts = mount_options(spec)
        if opts.get("type", "bind") in types:
            out.append((opts.get("target") or opts.get("dst") or opts.get("destination") or "").rstrip("/"))
    return out


def stage_groups(df: Dockerfile) -> Iterator[list[Instruction]]:
    """The instructions of each stage (FROM first); a fragment, or what precedes the first FROM,
    is one group of its own. ONBUILD instructions are kept as written (see `queries.effective`)."""
    group: list[Instruction] = []
    for ins in df.instructions:
        if ins.keyword == "FROM" and group:
            yield group
            group = []
        group.append(ins)
    if group:
        yield group


def inherited_before(df: Dockerfile, line: int) -> list[Instruction]:
    """Instructions that shape the state at `line`: those of the stages it is built FROM (whole),
    then its own stage up to `line`. In a fragment: everything before `line`."""
    if not df.stages:
        return [ins for ins in df.instructions if ins.line < line]
    current = None
    for st in df.stages:
        if st.from_instruction.line <= line:
            current = st
    if current is None:
        return []
    chain = []
    seen: set[int] = set()
    st = current
    while st is not None and st.index not in seen:
        seen.add(st.index)
        chain.append(st)
        st = df.stages[st.parent] if st.parent is not None else None
    out: list[Instruction] = []
    for st in reversed(chain):
        out.extend(ins for ins in st.instructions if st is not current or ins.line < line)
    return out


def env_at(df: Dockerfile, line: int) -> dict[str, str]:
    """ENV values in effect at `line` (own and inherited stages; ONBUILD ENV is not applied here)."""
    values: dict[str, str] = {}
    for ins in inherited_before(df, line):
        if ins.keyword == "ENV":
            values.update(parse_env_declarations(ins.args))
    return values
