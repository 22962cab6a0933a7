"""Just enough shell parsing for rules: split a RUN into simple commands and their words.

Not a shell: it knows quotes, `&&`, `||`, `;`, `|`, newlines and leading `VAR=value` assignments,
which is what package-manager and build-flag rules need. Heredoc bodies are included as script text.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from .model import Instruction

_SEPARATORS = {"&&", "||", ";", "|", "&", "\n", "(", ")", "{", "}", "then", "do", "else", "fi", "done"}


@dataclass(frozen=True)
class Command:
    """One simple command: `env` holds leading assignments, `argv` the rest."""

    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    piped: bool = False  # output goes into a pipe

    @property
    def name(self) -> str:
        return self.argv[0].rsplit("/", 1)[-1] if self.argv else ""

    def has(self, *words: str) -> bool:
        """True when any of `words` is an argument (exact match, or a `--flag=` prefix)."""
        return any(a == w or (w.startswith("-") and a.startswith(w + "=")) for a in self.argv[1:] for w in words)

    def has_short(self, letter: str) -> bool:
        """True for `-y` also inside combined short flags such as `-qy`."""
        return any(a.startswith("-") and not a.startswith("--") and letter in a[1:] for a in self.argv[1:])

    def subcommand(self, *skip_flags_with_values: str) -> str:
        """First non-flag argument (e.g. `install` of `apt-get -q install`)."""
        args = iter(self.argv[1:])
        for a in args:
            if a in skip_flags_with_values:
                next(args, None)
                continue
            if not a.startswith("-"):
                return a
        return ""


def script_of(ins: Instruction) -> str:
    """The shell text a RUN executes (shell form, JSON form, or its heredoc bodies)."""
    if ins.json_args is not None:
        return " ".join(shlex.quote(a) for a in ins.json_args)
    if ins.heredocs and ins.args.strip().split()[0:1] and ins.args.strip().startswith("<<"):
        return "\n".join(h.body for h in ins.heredocs)
    text = ins.args
    for h in ins.heredocs:
        text += "\n" + h.body
    return text


def commands(script: str) -> list[Command]:
    """Split shell text into simple commands."""
    out: list[Command] = []
    for group, piped in _split(script):
        env = []
        words = list(group)
        while words and "=" in words[0] and words[0].split("=", 1)[0].isidentifier():
            name, _, value = words.pop(0).partition("=")
            env.append((name, value))
        while words and words[0] in ("sudo", "exec", "command", "time", "nohup"):
            words.pop(0)
        if words and words[0] == "env":
            words.pop(0)
            while words and "=" in words[0]:
                name, _, value = words.pop(0).partition("=")
                env.append((name, value))
        if words or env:
            out.append(Command(tuple(words), tuple(env), piped))
    return out


def run_commands(ins: Instruction) -> list[Command]:
    return commands(script_of(ins))


def _split(script: str) -> list[tuple[list[str], bool]]:
    lexer = shlex.shlex(script.replace("\\\n", " "), posix=True, punctuation_chars=";&|()\n")
    lexer.whitespace = " \t\r"
    lexer.whitespace_split = True
    lexer.commenters = ""
    groups: list[tuple[list[str], bool]] = []
    current: list[str] = []
    try:
        tokens = list(lexer)
    except ValueError:  # unbalanced quotes: fall back to plain splitting
        tokens = script.replace("\\\n", " ").split()
    for tok in tokens:
        if tok in _SEPARATORS or set(tok) <= set(";&|()\n") and tok:
            groups.append((current, tok == "|"))
            current = []
        else:
            current.append(tok)
    groups.append((current, False))
    return [(g, p) for g, p in groups if g]
