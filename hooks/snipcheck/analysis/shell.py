"""Just enough shell parsing for rules: split a RUN into simple commands and their words.

Not a shell: it knows quotes, escapes, `&&`, `||`, `;`, `|`, newlines, comments, redirections (their
output files kept apart from the words),
`$(...)` and backquotes (their commands are listed too), leading reserved words (`if`, `then`, `do`...)
and `VAR=value` assignments, which is what package-manager and build-flag rules need. Heredoc bodies
are included as script text.
"""

from __future__ import annotations

import re
import shlex
from functools import lru_cache
from ..records import cached_property, dataclass

from ..model import Instruction, hash_once, state_without_hash



_SUDO_VALUE_OPTIONS = frozenset({"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group"})


@dataclass(frozen=True)
class Command:
    """One simple command: `env` holds leading assignments, `argv` the rest."""

    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    piped: bool = False  # output goes into a pipe
    wrappers: tuple[str, ...] = ()  # prefixes stripped before the command: sudo, exec, env, ...
    writes: tuple[str, ...] = ()  # files its output is redirected to (`> /log`, `>> f`, `&> f`)

    __hash__ = hash_once
    __getstate__ = state_without_hash

    @cached_property  # asked by nearly every RUN rule of every command
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
    for group, piped, writes in _split(script):
        env = []
        words = list(group)
        while words and "=" in words[0] and words[0].split("=", 1)[0].isidentifier():
            name, _, value = words.pop(0).partition("=")
            env.append((name, value))
        wrappers = []
        while words and words[0] in ("sudo", "exec", "command", "time", "nohup"):
            wrappers.append(words.pop(0))
            while wrappers[-1] == "sudo" and words and words[0].startswith("-"):
                if words.pop(0) in _SUDO_VALUE_OPTIONS and words:
                    words.pop(0)  # `sudo -u app cmd`: the option's value
        if words and words[0] == "env":
            wrappers.append(words.pop(0))
            while words and "=" in words[0]:
                name, _, value = words.pop(0).partition("=")
                env.append((name, value))
        if words or env:
            out.append(Command(tuple(words), tuple(env), piped, tuple(wrappers), tuple(writes)))
    return out


@lru_cache(maxsize=4096)  # dozens of rules ask for the same RUN's commands
def run_commands(ins: Instruction) -> tuple[Command, ...]:
    return tuple(commands(script_of(ins)))


@lru_cache(maxsize=4096)  # every RUN rule splits the same scripts; callers copy the word lists
def _split(script: str) -> list[tuple[list[str], bool, list[str]]]:
    """Simple commands as (words, piped, files written by redirection), in order; command
    substitutions follow as their own."""
    tokens, subs = _Lexer(script).run()
    groups: list[tuple[list[str], bool, list[str]]] = []
    current: list[str] = []
    writes: list[str] = []
    for kind, tok in tokens:
        if kind == "op":
            groups.append((current, tok in ("|", "|&"), writes))
            current, writes = [], []
        elif kind == "write":
            writes.append(tok)
        else:
            current.append(tok)
    groups.append((current, False, writes))
    out = []
    for words, piped, written in groups:
        while words and words[0] in _LEADING_KEYWORDS:
            words = words[1:]
        if words and words[0] not in _HEADER_KEYWORDS:
            out.append((words, piped, written))
    for sub in subs:
        out.extend(_split(sub))
    return out


# Reserved words that may start a command line before the real command, and headers that are none.
_LEADING_KEYWORDS = frozenset({"if", "then", "elif", "else", "fi", "do", "done", "while", "until", "!", "{", "}",
                               "esac"})
_HEADER_KEYWORDS = frozenset({"for", "select", "case", "function", "in"})
_OPERATORS = ("&&", "||", ";;", "|&", ";", "&", "|", "(", ")", "\n")
_REDIRECTIONS = ("&>>", "&>", "<<<", "<<-", "<<", ">>", ">&", "<&", ">|", "<>", ">", "<")


# Characters that end a run of ordinary ones: outside quotes, and inside double quotes.
_PLAIN = re.compile(r"[^ \t\r\n\\'\"$`<>;&|()]+")
_PLAIN_QUOTED = re.compile(r'[^"\\$`]+')


class _Lexer:
    """POSIX-ish word splitting: quotes, escapes, $(...), `...`, ${...}, redirections dropped."""

    def __init__(self, script: str) -> None:
        self.s = script
        self.i = 0
        self.tokens: list[tuple[str, str]] = []
        self.subs: list[str] = []
        self.word: list[str] | None = None
        self.drop_next = False  # the word after a redirection operator is its target
        self.output_target = False  # ... and it is a file the command writes

    def run(self) -> tuple[list[tuple[str, str]], list[str]]:
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c in " \t\r":
                self._end_word()
                self.i += 1
            elif c == "#" and self.word is None:
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end
            elif c in "<>" or s.startswith("&>", self.i):
                self._redirection()
            elif c in ";&|()\n":
                self._end_word()
                op = next(o for o in _OPERATORS if s.startswith(o, self.i))
                self.tokens.append(("op", op))
                self.i += len(op)
            else:
                self._word_part()
        self._end_word()
        return self.tokens, self.subs

    def _add(self, text: str) -> None:
        if self.word is None:
            self.word = []
        self.word.append(text)

    def _end_word(self) -> None:
        if self.word is not None:
            if not self.drop_next:
                self.tokens.append(("word", "".join(self.word)))
            elif self.output_target:
                self.tokens.append(("write", "".join(self.word)))
            self.drop_next = self.output_target = False
        self.word = None

    def _redirection(self) -> None:
        if self.word is not None and "".join(self.word).isdigit():
            self.word = None  # `2>&1`: the 2 is a file descriptor, not an argument
        self._end_word()
        op = next(o for o in _REDIRECTIONS if self.s.startswith(o, self.i))
        self.i += len(op)
        self.drop_next = True
        self.output_target = op in (">", ">>", ">|", "&>", "&>>", "<>")

    def _word_part(self) -> None:
        s, i = self.s, self.i
        c = s[i]
        if c == "\\":
            if s.startswith("\\\n", i):
                self.i = i + 2
                return
            self._add(s[i + 1:i + 2])
            self.i = i + 2
        elif c == "'":
            end = s.find("'", i + 1)
            end = len(s) if end < 0 else end
            self._add(s[i + 1:end])
            self.i = end + 1
        elif c == '"':
            self._double_quoted()
        elif c in "$`" and (s.startswith("$(", i) or c == "`" or s.startswith("${", i)):
            self._add(self._substitution())
        else:
            plain = _PLAIN.match(s, i)  # a run of ordinary characters at once, not one call each
            end = plain.end() if plain else i + 1
            self._add(s[i:end])
            self.i = end

    def _double_quoted(self) -> None:
        s = self.s
        self.i += 1
        self._add("")
        while self.i < len(s) and s[self.i] != '"':
            c = s[self.i]
            if c == "\\" and s[self.i + 1:self.i + 2] in ('"', "\\", "$", "`", "\n"):
                self._add(s[self.i + 1] if s[self.i + 1] != "\n" else "")
                self.i += 2
            elif c in "$`" and (s.startswith("$(", self.i) or c == "`" or s.startswith("${", self.i)):
                self._add(self._substitution())
            else:
                plain = _PLAIN_QUOTED.match(s, self.i)
                end = plain.end() if plain else self.i + 1
                self._add(s[self.i:end])
                self.i = end
        self.i += 1

    def _substitution(self) -> str:
        """Read $(...), $((...)), ${...} or `...` at self.i; return its raw text."""
        s, start = self.s, self.i
        if s[start] == "`":
            end = start + 1
            while end < len(s) and s[end] != "`":
                end += 2 if s[end] == "\\" else 1
            self.subs.append(s[start + 1:end])
            self.i = end + 1
            return s[start:end + 1]
        close = ")" if s[start + 1] == "(" else "}"
        depth, j, quote = 0, start + 1, ""
        while j < len(s):
            ch = s[j]
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"" and close == ")":
                quote = ch
            elif ch == "\\":
                j += 1
            elif ch == s[start + 1]:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if close == ")" and not s.startswith("$((", start):
            self.subs.append(s[start + 2:j])
        self.i = j + 1
        return s[start:j + 1]


_UNQUOTED = re.compile(r"[^\\\"'#]+")  # a run of characters expanded_text keeps as they are


def expanded_text(script: str) -> str:
    """The script without what the shell never expands: '...' strings, \\$ escapes, # comments."""
    if not any(c in script for c in "\\\"'#"):
        return script
    out, i, in_double = [], 0, False
    while i < len(script):
        c = script[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            in_double = not in_double
        elif c == "'" and not in_double and script.find("'", i + 1) >= 0:
            i = script.find("'", i + 1) + 1
            continue
        elif c == "#" and not in_double and (i == 0 or script[i - 1] in " \t\n;&|("):
            end = script.find("\n", i)
            i = len(script) if end < 0 else end
            continue
        else:
            plain = _UNQUOTED.match(script, i)  # up to the next quote, escape or `#` at once
            if plain:
                out.append(plain.group())
                i = plain.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


_ASSIGNED = re.compile(r"(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=|"
                       r"\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b|\bread\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_]*)")
_LDFLAGS_VALUE = re.compile(r"-ldflags[= ]+(\"[^\"]*\"|'[^']*'|\S+)")


def assigned_names(script: str) -> set[str]:
    """Names the script sets itself (`X=1`, `export X=`, `for X in`, `read X`)."""
    return {n for m in _ASSIGNED.finditer(script) for n in m.groups() if n}


def ldflags_values(script: str) -> list[str]:
    """The values given to `-ldflags` in the script, quotes included."""
    return [m.group(1) for m in _LDFLAGS_VALUE.finditer(script)]
