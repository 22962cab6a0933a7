"""The stage model: which stages exist, what they build on, and which reach the final image.

Derived once per Dockerfile from its instructions. Also resolves ARG/ENV scope, so rules can ask
"is $VERSION declared here?" the way BuildKit would answer it.
"""

from __future__ import annotations

import re
from .patterns import LazyPattern
from .records import dataclass, field

from .model import Dockerfile, Instruction
from .wholenumbers import is_number, whole_number

# Arguments BuildKit defines without an ARG line (usable in FROM; inside a stage after `ARG NAME`).
AUTOMATIC_PLATFORM_ARGS = frozenset(
    "TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT BUILDPLATFORM BUILDOS BUILDARCH BUILDVARIANT".split()
)
# Proxy arguments are predefined everywhere (BuildKit and the legacy builder).
PREDEFINED_ARGS = frozenset(
    "HTTP_PROXY http_proxy HTTPS_PROXY https_proxy FTP_PROXY ftp_proxy NO_PROXY no_proxy ALL_PROXY "
    "all_proxy".split()
)
_VAR = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))")
_ARG_DECLARATION = re.compile(r"""([^\s=]+)(=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?""")
_ENV_DECLARATION = LazyPattern(r"([A-Za-z_][A-Za-z0-9_.-]*)=(\"(?:[^\"\\]|\\.)*\"|'[^']*'|\S*)")


@dataclass(frozen=True)
class Stage:
    """One FROM and the instructions up to the next FROM."""

    index: int
    name: str | None  # the AS name, lower-cased as BuildKit treats it
    base: str  # image reference as written (may contain $VARS)
    base_resolved: str  # with global ARG defaults substituted
    from_instruction: Instruction
    instructions: tuple[Instruction, ...]
    parent: int | None  # index of the stage this one is built FROM, if any
    reaches_final: bool = False
    is_final: bool = False
    depends_on: frozenset[int] = field(default_factory=frozenset)

    @property
    def label(self) -> str:
        return self.name or str(self.index)


def build_stages(df: Dockerfile) -> tuple[Stage, ...]:
    """Split a Dockerfile into stages and mark those that reach the final image."""
    global_args = global_arg_defaults(df)
    raw: list[dict] = []
    names: dict[str, int] = {}
    for ins in df.instructions:
        if ins.keyword == "FROM":
            words = ins.args.split()
            base = words[0] if words else ""
            name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
            parent = names.get(base.lower())
            raw.append(dict(index=len(raw), name=name, base=base, from_instruction=ins, body=[], parent=parent,
                            base_resolved=substitute(base, global_args)))
            if name is not None and name not in names:
                names[name] = len(raw) - 1
        elif raw:
            raw[-1]["body"].append(ins)
    deps: list[set[int]] = []
    for st in raw:
        d = set() if st["parent"] is None else {st["parent"]}
        for ins in st["body"]:
            for ref in stage_references(ins):
                target = resolve_stage_ref(ref, names, len(raw), st["index"])
                if target is not None:
                    d.add(target)
        deps.append(d)
    reaching = _reachable(len(raw) - 1, deps) if raw else set()
    return tuple(
        Stage(index=st["index"], name=st["name"], base=st["base"], base_resolved=st["base_resolved"],
              from_instruction=st["from_instruction"], instructions=tuple(st["body"]), parent=st["parent"],
              reaches_final=st["index"] in reaching, is_final=st["index"] == len(raw) - 1,
              depends_on=frozenset(deps[st["index"]]))
        for st in raw
    )


def stage_references(ins: Instruction) -> list[str]:
    """Stage names or indexes an instruction reads from (COPY --from, RUN --mount from=)."""
    target = ins.inner if ins.inner is not None else ins
    refs: list[str] = []
    if not target.flags:
        return refs
    if target.keyword in ("COPY", "ADD"):
        refs.extend(v for v in target.flag_values("from") if v)
    if target.keyword == "RUN":
        for mount in target.flag_values("mount"):
            opts = mount_options(mount)
            if opts.get("from"):
                refs.append(opts["from"])
    return refs


def resolve_stage_ref(ref: str, names: dict[str, int], count: int, current: int) -> int | None:
    """Index of the stage `ref` names, or None when it is an image (or unknown)."""
    if is_number(ref):
        i = whole_number(ref)
        return i if i < current else None
    return names.get(ref.lower()) if names.get(ref.lower(), count) < current else None


def mount_options(spec: str) -> dict[str, str]:
    """`type=cache,target=/x,sharing=locked` -> dict (bare keys map to 'true')."""
    opts = {}
    for part in spec.split(","):
        key, eq, value = part.partition("=")
        opts[key.strip().lower()] = value.strip() if eq else "true"
    return opts


def secret_env_names(ins) -> frozenset[str]:
    """Variables a RUN's secret mounts define for it: `--mount=type=secret,id=K,env=K`."""
    names = set()
    for spec in ins.flag_values("mount"):
        opts = mount_options(spec)
        if opts.get("type") == "secret" and opts.get("env"):
            names.add(opts["env"])
    return frozenset(names)


def global_arg_defaults(df: Dockerfile) -> dict[str, str | None]:
    """ARGs declared before the first FROM, with their defaults (None when declared bare)."""
    args: dict[str, str | None] = {}
    for ins in df.instructions:
        if ins.keyword == "FROM":
            break
        if ins.keyword == "ARG":
            for name, value in parse_arg_declarations(ins.args):
                args[name] = substitute(value, args) if value is not None else None
    return args


def parse_arg_declarations(args: str) -> list[tuple[str, str | None]]:
    """`ARG A=1 B C="x y"` -> [('A', '1'), ('B', None), ('C', 'x y')]."""
    out = []
    for m in _ARG_DECLARATION.finditer(args):
        out.append((m.group(1), _unquote(m.group(3)) if m.group(2) else None))
    return out


def parse_env_declarations(args: str) -> list[tuple[str, str]]:
    """`ENV A=1 B="x y"` or legacy `ENV A 1` -> [(name, value)]."""
    text = args.strip()
    first = text.split(None, 1)
    if first and "=" not in first[0]:
        return [(first[0], first[1] if len(first) > 1 else "")]
    out = []
    for m in _ENV_DECLARATION.finditer(text):
        out.append((m.group(1), _unquote(m.group(2))))
    return out


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def substitute(text: str, values: dict[str, str | None]) -> str:
    """Expand $VAR/${VAR} from `values`; unknown or valueless names expand to ''."""
    if "$" not in text:
        return text  # most image names
    return _VAR.sub(lambda m: values.get(m.group(1) or m.group(2)) or "", text)


def variables_used(text: str) -> list[str]:
    """Names referenced as $NAME or ${NAME...} in text, in order."""
    return [m.group(1) or m.group(2) for m in _VAR.finditer(text)]


def _reachable(final: int, deps: list[set[int]]) -> set[int]:
    seen, todo = set(), [final]
    while todo:
        i = todo.pop()
        if i in seen:
            continue
        seen.add(i)
        todo.extend(deps[i])
    return seen


def declared_in_scope(df: Dockerfile, stage: Stage, before_line: int) -> set[str]:
    """Names a RUN at `before_line` in `stage` can expand: its ARGs and ENVs, inherited ENVs."""
    names: set[str] = set(PREDEFINED_ARGS)
    chain = []
    current: Stage | None = stage
    while current is not None:
        chain.append(current)
        current = df.stages[current.parent] if current.parent is not None else None
    for st in reversed(chain):
        for ins in st.instructions:
            if st is stage and ins.line >= before_line:
                break
            if ins.keyword == "ENV":
                names.update(n for n, _ in parse_env_declarations(ins.args))
            elif ins.keyword == "ARG" and st is stage:
                names.update(n for n, _ in parse_arg_declarations(ins.args))
    return names
