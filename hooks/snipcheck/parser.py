"""Dockerfile text -> model.Dockerfile, following BuildKit's parser rules.

Handles parser directives, `# escape=`, continuation lines (with comment and empty lines inside),
heredocs on RUN/COPY/ADD, flags, JSON and shell forms, and ONBUILD. Never raises on bad input:
problems become `ParseError`s with the line they start on.
"""

from __future__ import annotations

import json
import re

from .patterns import LazyPattern
from .model import Comment, Directive, Dockerfile, Flag, Heredoc, Instruction, ParseError

INSTRUCTIONS = frozenset(
    "ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN SHELL "
    "STOPSIGNAL USER VOLUME WORKDIR".split()
)
FLAGGED = frozenset({"FROM", "RUN", "COPY", "ADD", "HEALTHCHECK"})
HEREDOC_CAPABLE = frozenset({"RUN", "COPY", "ADD"})
DIRECTIVE_NAMES = frozenset({"syntax", "escape", "check"})

_DIRECTIVE = re.compile(r"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$")
_HEREDOC = LazyPattern(r"(?<![<\w])<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\2")


def parse(text: str) -> Dockerfile:
    """Parse Dockerfile text. Always returns a Dockerfile; errors are in `.errors`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return _Parser(lines, text).run()


class _Parser:
    def __init__(self, lines: list[str], text: str) -> None:
        self.lines = lines
        self.text = text
        self.pos = 0
        self.escape = "\\"
        self.instructions: list[Instruction] = []
        self.directives: list[Directive] = []
        self.comments: list[Comment] = []
        self.errors: list[ParseError] = []

    def run(self) -> Dockerfile:
        self._read_directives()
        empty = True  # no line but blank ones and comments (every other line starts an instruction)
        while self.pos < len(self.lines):
            line = self.lines[self.pos]
            stripped = line.strip()
            if not stripped:
                self.pos += 1
            elif stripped.startswith("#"):
                self._comment(self.pos, stripped)
                self.pos += 1
            else:
                empty = False
                self._instruction()
        if empty:
            self.errors.append(ParseError(1, "the Dockerfile is empty: no instructions", "empty"))
        return Dockerfile(
            instructions=tuple(self.instructions),
            directives=tuple(self.directives),
            comments=tuple(self.comments),
            errors=tuple(self.errors),
            line_count=len(self.lines),
            text=self.text,
        )

    def _read_directives(self) -> None:
        seen: set[str] = set()
        while self.pos < len(self.lines):
            m = _DIRECTIVE.match(self.lines[self.pos].strip())
            if not m or m.group(1).lower() not in DIRECTIVE_NAMES or m.group(1).lower() in seen:
                return
            name = m.group(1).lower()
            seen.add(name)
            self.directives.append(Directive(name, m.group(2), self.pos + 1))
            self.comments.append(Comment(self.pos + 1, self.lines[self.pos].strip()[1:].strip()))
            if name == "escape":
                if m.group(2) in ("\\", "`"):
                    self.escape = m.group(2)
                else:
                    self.errors.append(
                        ParseError(self.pos + 1, f"invalid escape token {m.group(2)!r}: use \\ or `", "bad-directive")
                    )
            self.pos += 1

    def _comment(self, index: int, stripped: str) -> None:
        self.comments.append(Comment(index + 1, stripped[1:].strip()))

    def _ends_with_escape(self, line: str) -> bool:
        # BuildKit: the escape token followed only by spaces or tabs ends a continued line.
        return line.rstrip(" \t").endswith(self.escape)

    def _instruction(self) -> None:
        start = self.pos
        parts: list[str] = []
        empty_inside: list[int] = []
        line = self.lines[self.pos].lstrip()
        self.pos += 1
        while self._ends_with_escape(line):
            parts.append(line.rstrip()[: -len(self.escape)])
            line = None
            while self.pos < len(self.lines):
                candidate = self.lines[self.pos]
                self.pos += 1
                if not candidate.strip():
                    empty_inside.append(self.pos)
                    continue
                if candidate.strip().startswith("#"):
                    self._comment(self.pos - 1, candidate.strip())
                    continue
                line = candidate
                break
            if line is None:
                self.errors.append(
                    ParseError(start + 1, "line continuation at the end of the file: the instruction is cut off",
                               "broken-continuation")
                )
                line = ""
                break
        parts.append(line)
        joined = "".join(parts).strip()
        end = self.pos
        original = "\n".join(self.lines[start:end])
        ins = self._build(joined, start + 1, end, original, tuple(empty_inside))
        if ins is not None:
            self.instructions.append(ins)

    def _build(self, joined: str, line: int, end_line: int, original: str,
               empty_inside: tuple[int, ...], nested: bool = False) -> Instruction | None:
        words = joined.split(None, 1)  # `joined` is stripped: the keyword, then the rest
        if not words:
            return None
        raw_keyword = words[0]
        keyword = raw_keyword.upper()
        rest = words[1] if len(words) > 1 else ""
        if keyword not in INSTRUCTIONS:
            shown = raw_keyword if raw_keyword.isprintable() and len(raw_keyword) < 40 else repr(raw_keyword[:40])
            self.errors.append(ParseError(line, f"unknown instruction: {shown}", "unknown-instruction"))
            return None
        inner = None
        if keyword == "ONBUILD" and not nested:
            inner = self._build(rest, line, end_line, original, (), nested=True)
        flags: tuple[Flag, ...] = ()
        if keyword in FLAGGED:
            flags, rest = _split_flags(rest)
        heredocs: tuple[Heredoc, ...] = ()
        if keyword in HEREDOC_CAPABLE and "<<" in rest:
            heredocs, end_line, original = self._heredocs(rest, line, end_line, original)
        json_args = _json_form(rest) if keyword not in ("ARG", "ENV", "LABEL", "FROM", "MAINTAINER") else None
        return Instruction(
            keyword=keyword, raw_keyword=raw_keyword, line=line, end_line=end_line, args=rest,
            flags=flags, json_args=json_args, heredocs=heredocs, original=original, inner=inner,
            empty_continuation_lines=empty_inside,
        )

    def _heredocs(self, rest: str, line: int, end_line: int, original: str):
        docs: list[Heredoc] = []
        for m in _HEREDOC.finditer(rest):
            strip_tabs, quote, name = m.group(1) == "-", m.group(2), m.group(3)
            body: list[str] = []
            body_start = self.pos + 1
            while True:
                if self.pos >= len(self.lines):
                    self.errors.append(
                        ParseError(line, f"unterminated heredoc <<{name}: no line '{name}' closes it",
                                   "unterminated-heredoc")
                    )
                    break
                current = self.lines[self.pos]
                self.pos += 1
                candidate = current.lstrip("\t") if strip_tabs else current
                if candidate.rstrip() == name:
                    break
                body.append(candidate)
            docs.append(Heredoc(name, "\n".join(body) + ("\n" if body else ""), body_start,
                                strip_tabs, bool(quote)))
        if docs:
            end_line = self.pos
            original = "\n".join(self.lines[line - 1: end_line])
        return tuple(docs), end_line, original


def _split_flags(rest: str) -> tuple[tuple[Flag, ...], str]:
    flags: list[Flag] = []
    while rest.startswith("--"):
        word, _, remainder = rest.partition(" ")
        if not word[2:] or word[2] == " ":
            break
        name, eq, value = word[2:].partition("=")
        flags.append(Flag(name.lower(), value if eq else None))
        rest = remainder.lstrip()
    return tuple(flags), rest


def _json_form(rest: str) -> tuple[str, ...] | None:
    text = rest.strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: arrays nested a thousand deep
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None
