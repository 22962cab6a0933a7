"""What a documentation snippet shows of a Dockerfile: all of it, or an excerpt.

Docs elide (`...`, `# ...`), write placeholders (`FROM <base>`, `%%IMAGE%%`, `{{ .Image }}`,
`[ your packages here ]`, `RUN --network=<TYPE>`) and illustrate syntax in two or three lines.
None of that is a value to check, and findings about the whole image (root user, untagged base,
missing .dockerignore) say nothing useful about a piece of one. Pure functions over text.
"""

from __future__ import annotations

import re
from .patterns import LazyPattern
from .records import dataclass

# A line that stands for omitted lines: `...`, `…`, `# ...`, `# ... more steps`.
_ELISION = LazyPattern(r"^[ \t]*(#[ \t]*)?(\.\.\.+|…)([ \t].*)?$")
# Placeholders docs write where a value goes (never real Dockerfile syntax). Each pattern starts with
# the character it is about and has its look-behind after it (`<(?<![<\w]<)`: a `<` not preceded by
# `<` or a word character), so that `re` jumps from one such character to the next; a look-behind
# written first makes it try every position of every snippet, several times slower.
_PLACEHOLDERS = (
    re.compile(r"<(?<![<\w]<)(?![<!?/])[A-Za-z][\w .:/|-]{0,40}>"),  # <base>, <TYPE>, <your image>; not <<EOF
    re.compile(r"%%[A-Za-z_]+%%"),  # %%IMAGE%% (docker-library templates)
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),  # Go/Hugo/Jinja templates and shortcodes
    re.compile(r"\[[ \t]*[A-Za-z][^\]\"',]*[ \t][^\]\"',]*\]"),  # [ your packages here ]
    # `apt-get install curl ...`: three dots or an ellipsis, not inside a word, path or longer run of dots
    re.compile(r"\.\.\.(?<![.\w/]\.\.\.)(?![.\w/])|…(?<![.\w/]…)(?![.\w/])"),
)
# Fewer instructions than this (with a FROM) is a syntax illustration, not an image to ship.
ILLUSTRATION_MAX_INSTRUCTIONS = 3


def mask_elisions(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with elision lines turned into comments (line numbers kept), and their lines."""
    if "..." not in text and "…" not in text:
        return text, ()  # most snippets: no line can be an elision
    lines = text.split("\n")
    elided = []
    for n, line in enumerate(lines):
        if _ELISION.match(line):
            elided.append(n + 1)
            if not line.lstrip().startswith("#"):
                lines[n] = "# " + line.strip()
    return "\n".join(lines), tuple(elided)


# Material for MkDocs' code annotation at the end of a line: `FROM golang:1.27 AS build # (1)!`.
_ANNOTATION = re.compile(r"(?<=\S)[ \t]+#[ \t]*\(\d{1,3}\)!?[ \t]*$", re.M)


def without_annotations(text: str) -> str:
    """The text without Material's code annotation markers after an instruction (`# (1)!`): the
    theme turns them into a marker beside the line, and the reader copies the line without them.
    In a Dockerfile they would be more arguments (DG906); a comment line stays a comment."""
    if "(" not in text:
        return text
    return _ANNOTATION.sub("", text)


def as_copied(snippet) -> str:
    """The snippet's text as a reader copies it: a code block's without annotation markers, a
    whole Dockerfile as it is (what the checker judges and the real build builds)."""
    return snippet.text if snippet.is_whole_file else without_annotations(snippet.text)


def has_placeholder(line: str) -> bool:
    """Does this line hold a placeholder rather than a value? (Searched pattern by pattern: joined
    into one, they took four times as long, as `re` cannot skip ahead for a choice of branches.)"""
    return any(pattern.search(line) for pattern in _PLACEHOLDERS)


def placeholder_words(line: str) -> frozenset[str]:
    """The core word of each placeholder on a line (`<base>` -> `base`, `...` -> `...`): a finding
    whose message quotes one of them was reading the placeholder as a value."""
    words = set()
    for pattern in _PLACEHOLDERS:
        for m in pattern.finditer(line):
            core = m.group(0).strip("<>%{}[]# \t").split()
            words.add(core[0] if core else m.group(0))
            first = m.group(0).split()[0]
            if len(first) > 1:
                words.add(first)
    return frozenset(words)


def placeholder_lines(text: str) -> frozenset[int]:
    """1-based lines of `text` that hold a placeholder (comment lines never count)."""
    if not has_placeholder(text):
        return frozenset()  # most snippets: the whole text searched once (it can only find more than lines do)
    return frozenset(n for n, line in enumerate(text.split("\n"), 1)
                     if not line.lstrip().startswith("#") and has_placeholder(line))


@dataclass(frozen=True)
class Scope:
    """How much of a Dockerfile a snippet shows."""

    fragment: bool  # no FROM at all
    elided: tuple[int, ...]  # lines that stand for omitted ones
    placeholders: frozenset[int]  # lines with a placeholder instead of a value
    instruction_count: int
    whole_file: bool = False  # a Dockerfile given as a file, not a fence: short means short, not partial

    @property
    def excerpt(self) -> bool:
        """Not a whole Dockerfile: whole-image rules have nothing to judge."""
        if self.whole_file:
            return self.fragment or bool(self.elided) or bool(self.placeholders)
        return (self.fragment or bool(self.elided) or bool(self.placeholders)
                or self.instruction_count <= ILLUSTRATION_MAX_INSTRUCTIONS)

    def why_excerpt(self) -> str:
        if self.fragment:
            return "it has no FROM"
        if self.elided:
            return f"line {self.elided[0]} stands for omitted lines"
        if self.placeholders:
            return f"line {min(self.placeholders)} has a placeholder"
        if self.instruction_count <= ILLUSTRATION_MAX_INSTRUCTIONS and not self.whole_file:
            return f"it has only {self.instruction_count} instruction(s)"
        return ""


def scope_of(df, text: str, elided: tuple[int, ...], whole_file: bool = False) -> Scope:
    """The scope of a parsed snippet (`text` as shown, before elisions were masked)."""
    return Scope(fragment=df.is_fragment, elided=elided, placeholders=placeholder_lines(text),
                 instruction_count=len(df.instructions), whole_file=whole_file)
