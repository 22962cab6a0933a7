"""The small, parser-independent model the rules work on.

A Dockerfile is a tuple of instructions plus parser directives, comments and parse errors.
Every value here is frozen: rules read it, nothing writes it after parsing.
"""

from __future__ import annotations

from .records import cached_property, dataclass, field

from .severity import Severity  # noqa: F401 (re-exported: rules import it from here)


def hash_once(self) -> int:
    """`__hash__` for frozen value classes that caches key on (every rule asks for the same RUN's
    commands): the hash of the fields, computed on first use and kept, not on every lookup. Read
    with a default rather than caught as an AttributeError: a miss then makes no exception."""
    cached = getattr(self, "_hash", None)
    if cached is None:
        cached = hash(tuple(map(self.__getattribute__, self.__record_fields__)))  # no generator frame
        object.__setattr__(self, "_hash", cached)
    return cached


def state_without_hash(self) -> dict:
    """`__getstate__` to go with hash_once: another process may hash strings differently."""
    return {name: value for name, value in self.__dict__.items() if name != "_hash"}


@dataclass(frozen=True)
class Flag:
    """A `--name=value` flag of an instruction (`value` is None for a bare `--name`)."""

    name: str
    value: str | None


@dataclass(frozen=True)
class Heredoc:
    """A here-document attached to RUN, COPY or ADD (`<<EOF`, `<<-EOF`, `<<"EOF"`)."""

    name: str
    body: str
    line: int
    strip_tabs: bool = False
    quoted: bool = False


@dataclass(frozen=True)
class Instruction:
    """One Dockerfile instruction, with continuation lines joined.

    `line` and `end_line` are 1-based lines of the snippet. `args` is the argument text after
    the flags; `json_args` is set when the arguments are in JSON (exec) form.
    """

    keyword: str
    raw_keyword: str
    line: int
    end_line: int
    args: str
    flags: tuple[Flag, ...] = ()
    json_args: tuple[str, ...] | None = None
    heredocs: tuple[Heredoc, ...] = ()
    original: str = ""
    inner: "Instruction | None" = None  # the instruction behind ONBUILD
    empty_continuation_lines: tuple[int, ...] = ()

    __hash__ = hash_once
    __getstate__ = state_without_hash

    def flag(self, name: str) -> str | None:
        """Value of flag `name` ('' for a bare flag), or None when absent."""
        for f in self.flags:
            if f.name == name:
                return "" if f.value is None else f.value
        return None

    def flag_values(self, name: str) -> tuple[str, ...]:
        if not self.flags:
            return ()  # most instructions: asked often, by the stage model and many rules
        return tuple("" if f.value is None else f.value for f in self.flags if f.name == name)

    @property
    def is_exec_form(self) -> bool:
        return self.json_args is not None

    @property
    def words(self) -> tuple[str, ...]:
        """Arguments split on whitespace (JSON form: the JSON items)."""
        if self.json_args is not None:
            return self.json_args
        return tuple(self.args.split())


@dataclass(frozen=True)
class Comment:
    line: int
    text: str  # without the leading '#', stripped


@dataclass(frozen=True)
class Directive:
    """A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`)."""

    name: str
    value: str
    line: int


@dataclass(frozen=True)
class ParseError:
    line: int
    message: str
    kind: str  # short tag: unknown-instruction, unterminated-heredoc, ...


@dataclass(frozen=True)
class Dockerfile:
    """A parsed Dockerfile snippet. Stages are derived on first use."""

    instructions: tuple[Instruction, ...]
    directives: tuple[Directive, ...] = ()
    comments: tuple[Comment, ...] = ()
    errors: tuple[ParseError, ...] = ()
    line_count: int = 0
    text: str = field(default="", repr=False)

    def directive(self, name: str) -> Directive | None:
        for d in self.directives:
            if d.name == name:
                return d
        return None

    @cached_property  # asked for every word the BuildKit rules expand
    def escape(self) -> str:
        d = self.directive("escape")
        return d.value if d and d.value in ("`", "\\") else "\\"

    @cached_property  # asked by the checker and by many rules
    def is_fragment(self) -> bool:
        """True when the text has no FROM at all (a piece of a Dockerfile)."""
        return not any(i.keyword == "FROM" for i in self.instructions)

    @cached_property
    def derived(self) -> dict:
        """Facts the analyses derive from this Dockerfile, computed once and shared by every rule
        (e.g. its `Flow`); keyed by the analysis that computed them."""
        return {}

    @cached_property
    def stages(self):  # -> tuple[Stage, ...], see stages.py
        from .stages import build_stages

        return build_stages(self)
