"""Stage chains, shared by the flow, Go, scratch and libc rules (DG3xx-DG60x), and the variables and working
directory each RUN command sees (`Flow`). Go flags are in gobuild.py, file origins in paths.py.

Values a rule cannot know (an ARG without default, an unknown base image) come back as None,
so rules can stay silent instead of guessing.
"""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left
from ..records import dataclass
from collections.abc import Iterator

from ..model import Dockerfile, Instruction
from .queries import base_info
from .shell import Command, run_commands
from .gobuild import GoArgs, go_args
from ..stages import Stage, global_arg_defaults, mount_options, parse_arg_declarations, parse_env_declarations
from ..wholenumbers import is_number, whole_number

_VAR = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=?+][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))")
# What golang images set with ENV (GOCACHE then defaults to $HOME/.cache/go-build = /root/...).
_GOLANG_ENV = {"GOPATH": "/go", "GOTOOLCHAIN": "local", "GOLANG_VERSION": None, "PATH": None, "HOME": "/root"}
IMAGE_ENV_NAMES = frozenset(_GOLANG_ENV) | {"HOME", "PATH", "HOSTNAME", "TERM"}
C_TOOLCHAIN = frozenset({"gcc", "build-base", "clang", "musl-dev", "build-essential", "g++", "libc6-dev"})
C_COMPILERS = frozenset({"gcc", "cc", "g++", "c++", "clang", "clang++", "musl-gcc"})



class Scope:
    """The variables visible at one point of a stage, read like a dict (`get`, `in`, `[]`).

    Backed by per-name histories shared by the whole stage, so a view costs nothing to make.
    ENV wins over ARG of the same name, as in BuildKit; `local` holds what a RUN script sets.
    """

    __slots__ = ("_env", "_arg", "_line", "_local")

    def __init__(self, env_hist: dict, arg_hist: dict, line: float, local: dict | None = None) -> None:
        self._env, self._arg, self._line, self._local = env_hist, arg_hist, line, local or {}

    def _lookup(self, name: str):
        if name in self._local:
            return True, self._local[name]
        for hist in (self._env, self._arg):
            lines, values = hist.get(name, ((), ()))
            i = bisect_left(lines, self._line) - 1
            if i >= 0:
                return True, values[i]
        return False, None

    def get(self, name: str, default=None):
        found, value = self._lookup(name)
        return value if found else default

    def __contains__(self, name: str) -> bool:
        return self._lookup(name)[0]

    def __getitem__(self, name: str):
        found, value = self._lookup(name)
        if not found:
            raise KeyError(name)
        return value

    def with_local(self, updates: dict) -> "Scope":
        return Scope(self._env, self._arg, self._line, {**self._local, **updates})


@dataclass
class _StageState:
    env: dict  # name -> ([lines], [values]) of ENV, inherited through FROM <stage>
    args: dict  # the same for this stage's own ARGs
    cwd: tuple  # ([lines], [working directories])


class Flow:
    """What each stage of one Dockerfile sees: variables and working directory before every
    instruction, and the simple commands of every RUN. Computed once per stage on first use and
    shared by every rule: take it with `Flow.of(df)`."""

    @classmethod
    def of(cls, df: Dockerfile) -> "Flow":
        """The one Flow of `df`, made on first use (rules only read it)."""
        flow = df.derived.get(cls)
        if flow is None:
            flow = df.derived[cls] = cls(df)
        return flow

    def __init__(self, df: Dockerfile) -> None:
        self.df = df
        self.stages = df.stages
        self._states: dict[int, _StageState] = {}
        self._steps: dict[int, list] = {}
        self._by_ins: dict[int, list] = {}
        self.memo: dict = {}  # answers of the path analyses (paths.py), keyed by question

    def chain(self, stage: Stage) -> list[Stage]:
        """The stage and the stages it is built FROM, root first."""
        out = [stage]
        while out[-1].parent is not None and out[-1].parent < out[-1].index:
            out.append(self.stages[out[-1].parent])
        return out[::-1]

    def stage_named(self, ref: str, current: Stage) -> Stage | None:
        """The earlier stage that `COPY --from=ref` in `current` reads, or None for an image."""
        if is_number(ref):
            return self.stages[whole_number(ref)] if whole_number(ref) < current.index else None
        first = self._first_named().get(ref.lower())
        return self.stages[first] if first is not None and first < current.index else None

    def _first_named(self) -> dict[str, int]:
        """Each stage name's first stage index (a dict, not a scan per COPY: files of a thousand stages)."""
        if "first_named" not in self.memo:
            found: dict[str, int] = {}
            for st in self.stages:
                if st.name:
                    found.setdefault(st.name, st.index)
            self.memo["first_named"] = found
        return self.memo["first_named"]

    def _state(self, stage: Stage) -> _StageState:
        if stage.index in self._states:
            return self._states[stage.index]
        if stage.parent is not None and stage.parent < stage.index:
            parent = self._state(self.stages[stage.parent])
            env = {n: (list(ls), list(vs)) for n, (ls, vs) in parent.env.items()}
            cwd = (list(parent.cwd[0]), list(parent.cwd[1]))
        else:
            info = base_info(self.df, stage)
            golang = info is not None and info.family.startswith("golang")
            env = {n: ([0], [v]) for n, v in (_GOLANG_ENV.items() if golang else ())}
            cwd = ([0], ["/go" if golang else ("/" if info else None)])
        state = self._states[stage.index] = _StageState(env, {}, cwd)
        globals_ = global_arg_defaults(self.df)
        for ins in stage.instructions:
            if ins.keyword not in ("ENV", "ARG", "WORKDIR"):
                continue  # sets neither variables nor the working directory
            scope = Scope(state.env, state.args, ins.line)
            if ins.keyword == "ENV":
                for name, value in parse_env_declarations(ins.args):
                    _record(state.env, name, ins.line, expand(value, scope))
            elif ins.keyword == "ARG":
                for name, value in parse_arg_declarations(ins.args):
                    value = expand(value, scope) if value is not None else globals_.get(name)
                    _record(state.args, name, ins.line, value)
            else:
                previous = self.workdir_at(stage, ins.line)
                cwd[0].append(ins.line)
                cwd[1].append(join(previous, expand(ins.args.strip(), scope)))
        return state

    def env_at(self, stage: Stage, line: int | None = None) -> Scope:
        """Variables a RUN at `line` of `stage` sees (end of the stage for None): image ENV, ENVs
        of the chain, the stage's ARGs (defaults; the global default for a bare re-declaration)."""
        state = self._state(stage)
        return Scope(state.env, state.args, float("inf") if line is None else line)

    def workdir_at(self, stage: Stage, line: int | None = None) -> str | None:
        """Working directory at `line` of `stage` (None when a relative WORKDIR meets an unknown base)."""
        lines, dirs = self._state(stage).cwd
        return dirs[bisect_left(lines, float("inf") if line is None else line) - 1]

    def run_steps(self, stage: Stage) -> list["Step"]:
        """Every simple command of every RUN in `stage` (not its parents), in order."""
        if stage.index not in self._steps:
            self._steps[stage.index] = []
            for ins in stage.instructions:
                if ins.keyword == "RUN":
                    self._by_ins[id(ins)] = list(self._ins_steps(stage, ins))
                    self._steps[stage.index].extend(self._by_ins[id(ins)])
        return self._steps[stage.index]

    def steps_of(self, stage: Stage, ins: Instruction) -> list["Step"]:
        """The simple commands of one RUN of `stage`."""
        self.run_steps(stage)
        return self._by_ins.get(id(ins), [])

    def _ins_steps(self, stage: Stage, ins: Instruction) -> Iterator["Step"]:
        env = self.env_at(stage, ins.line)
        cwd = self.workdir_at(stage, ins.line)
        for cmd in run_commands(ins):
            if cmd.name == "cd" and len(cmd.argv) > 1:
                cwd = join(cwd, expand(cmd.argv[1], env))
            elif cmd.name == "export" or (cmd.name == "go" and cmd.subcommand() == "env" and cmd.has("-w")):
                env = env.with_local({n: expand(v, env) for n, _, v in (w.partition("=") for w in cmd.argv[1:]
                                                                      if "=" in w)})
            elif not cmd.argv:
                env = env.with_local({n: expand(v, env) for n, v in cmd.env})
            yield Step(ins, cmd, env.with_local({n: expand(v, env) for n, v in cmd.env}), cwd)

    def stage_runs(self, stage: Stage) -> Iterator["Step"]:
        """run_steps over the whole FROM chain of `stage`."""
        for st in self.chain(stage):
            yield from self.run_steps(st)

    def go_steps(self, stage: Stage) -> Iterator[tuple["Step", "GoArgs"]]:
        """Every `go build`/`go install` in `stage`, with its parsed arguments."""
        for step in self.run_steps(stage):
            args = go_args(step.cmd)
            if args is not None:
                yield step, args

    def has_c_toolchain(self, stage: Stage, before_line: int | None = None) -> bool:
        """Does the FROM chain of `stage` install a C compiler (before `before_line`)?"""
        return any(C_TOOLCHAIN & set(installed_packages(step.cmd)) for step in self.stage_runs(stage)
                   if before_line is None or step.ins.line < before_line)


def _record(hist: dict, name: str, line: int, value) -> None:
    lines, values = hist.setdefault(name, ([], []))
    lines.append(line)
    values.append(value)


def expand(text: str, env) -> str | None:
    """Expand $VAR/${VAR} like BuildKit: undeclared names are empty; None when a value is unknown."""
    if "$" not in text:
        return text  # most paths and values
    unknown = False

    def sub(m: re.Match) -> str:
        nonlocal unknown
        value = env.get(m.group(1) or m.group(2), "")  # one lookup: a Scope's walks two histories
        if value is None:  # declared, value unknown
            unknown = True
            return ""
        return value

    out = _VAR.sub(sub, text)
    return None if unknown else out


def join(cwd: str | None, path: str | None) -> str | None:
    """Absolute, normalised path of `path` seen from `cwd` (None when it cannot be known)."""
    if path is None or path == "":
        return cwd if path == "" else None
    if path.startswith("/"):
        return posixpath.normpath(path).replace("//", "/")
    return posixpath.normpath(posixpath.join(cwd, path)) if cwd is not None else None


def under(path: str, root: str) -> bool:
    root = root.rstrip("/") or "/"
    return path == root or root == "/" or path.startswith(root + "/")


@dataclass(frozen=True)
class Step:
    """One command of a RUN with the variables and directory it runs with."""

    ins: Instruction
    cmd: Command
    env: Scope | dict
    cwd: str | None

    def mount_targets(self, *types: str) -> list[str]:
        out = []
        for spec in self.ins.flag_values("mount"):
            opts = mount_options(spec)
            if opts.get("type", "bind") in types:
                target = opts.get("target") or opts.get("dst") or opts.get("destination")
                resolved = join(self.cwd, expand(target, self.env)) if target else None
                if resolved:
                    out.append(resolved)
        return out


def installed_packages(cmd: Command) -> tuple[str, ...]:
    """Packages named by `apk add`, `apt-get install`, `apt install`, `dnf/yum install`."""
    verbs = {"apk": "add", "apt-get": "install", "apt": "install", "dnf": "install", "yum": "install",
             "microdnf": "install"}
    if verbs.get(cmd.name) is None or cmd.subcommand("-t", "--virtual", "-X", "--repository") != verbs[cmd.name]:
        return ()
    words = list(cmd.argv[1:])
    return tuple(w.split("=", 1)[0] for i, w in enumerate(words)
                 if not w.startswith("-") and w != verbs[cmd.name] and words[i - 1] not in ("-t", "--virtual"))
