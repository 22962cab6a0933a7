"""Which code blocks of a page show a `.dockerignore`, and which Dockerfile blocks they go with.

Docs rarely use our fence option `dockerignore="..."`: they show the file in a block of its own,
titled `.dockerignore`, or under a line such as "Create a `.dockerignore` with the following
contents:" (docker/getting-started). A reader who follows the page has that file, so a Dockerfile
block in the same section of the page comes with it. A section runs from a heading to the next
heading of the same or a higher level; the part of a page above its first heading is a section
of level 0, which holds the whole page. Pure functions over text.
"""

from __future__ import annotations

import re

_NAMES_IT = re.compile(r"(^|[\s/\"'`(])\.dockerignore\b", re.I)
# blocks of file contents: a language-less block, plain text, or an ignore-file syntax
_FILE_CONTENT_LANGUAGES = frozenset({"", "dockerignore", "ignore", "gitignore", "text", "txt", "plaintext",
                                     "plain", "none", "conf", "properties"})
# a shell block shows one when it writes it: `cat > .dockerignore`, `echo x >> .dockerignore`, `tee .dockerignore`
_WRITES_IT = re.compile(r"(>>?|\btee(\s+-a)?)\s*[\"']?(\S*/)?\.dockerignore\b")
_TITLE = re.compile(r"""(?:^|[\s{])title=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def shows_dockerignore(lang: str, header: str, lead: list[str], body: str) -> bool:
    """Does a non-Dockerfile block show a .dockerignore? `lang`: its language; `header`: the text of
    its opening line after the language; `lead`: prose.lead_in() of the lines above it; `body`: its text."""
    lang = lang.lower()
    if lang == "dockerignore":
        return True
    title = _TITLE.search(header)
    if title and _NAMES_IT.search(" " + next(g for g in title.groups() if g is not None)):
        return True
    if _WRITES_IT.search(body):
        return True
    return lang in _FILE_CONTENT_LANGUAGES and any(_NAMES_IT.search(line) for line in lead)


def heading_level(line: str, previous: str) -> int | None:
    """The level of the Markdown heading `line` is (with `previous`, the line above it, for a setext
    underline), or None. Only top-level headings: one inside a list or a quote does not end a section."""
    atx = _ATX.match(line)
    if atx:
        return len(atx.group(1))
    setext = _SETEXT.match(line)
    if setext and previous.strip() and not previous.startswith((" ", "\t", ">", "-", "*", "+", "#")):
        return 1 if setext.group(1).startswith("=") else 2
    return None


def covered(shown_at: list[int], headings: list[tuple[int, int]], block_at: int) -> bool:
    """Is the Dockerfile block at line index `block_at` in the section of a .dockerignore block?
    `shown_at`: line indexes of the blocks that show one; `headings`: (line index, level), in order."""
    for at in shown_at:
        start, end = _section(at, headings)
        if start <= block_at < end:
            return True
    return False


def _section(at: int, headings: list[tuple[int, int]]) -> tuple[int, int]:
    """(first line index, end) of the section that holds line index `at`."""
    start, level = 0, 0
    for index, lvl in headings:
        if index > at:
            break
        start, level = index, lvl
    end = next((index for index, lvl in headings if index > at and lvl <= level), None)
    return start, end if end is not None else 1 << 62
