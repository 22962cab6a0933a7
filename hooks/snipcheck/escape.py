"""Escaping for every output a value from a page can reach: terminal, Markdown, URLs, logs.

Values that come from pages (file names, fence options, included text, messages that quote
them, build output) are untrusted. Each output format escapes them with one function from
here (HTML uses `html.escape`, JSON and SARIF `json.dumps`, GitHub commands report/github.py).
"""

from __future__ import annotations

import os

from urllib.parse import quote

from .patterns import LazyPattern

# C0 and C1 control characters (ESC starts ANSI sequences), DEL, and the Unicode bidi and
# line/paragraph separators that reorder or break what a terminal or a review shows. Tables for
# str.translate: a character class spanning these code points costs more to compile than a small
# run spends checking.
_CONTROL_CODES = (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0), 0x2028, 0x2029,
                  *range(0x202a, 0x202f), *range(0x2066, 0x206a))


def _visible(code: int) -> str:
    return "\\r" if code == 0x0d else f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


_CONTROL = {code: _visible(code) for code in _CONTROL_CODES}
_CONTROL_OR_NEWLINE = {**_CONTROL, ord("\n"): "\\n", ord("\t"): "\\t"}
# Markdown's inline syntax characters (and `:` against autolinks): written as numeric entities
# they render as themselves and can start no link, emphasis, code span, table cell or HTML.
_MARKDOWN = LazyPattern(r"""[\\`*_{}\[\]()<>#+!|~&"':=]""")


def terminal(text: str, one_line: bool = True) -> str:
    """Control characters and ANSI escapes shown as `\\x1b`-style text; newlines too when the
    output is one line per finding."""
    return str(text).translate(_CONTROL_OR_NEWLINE if one_line else _CONTROL)


def html_text(text: str) -> str:
    """Text for an HTML element or attribute: `html.escape`, control characters made visible."""
    import html  # HTML output only; the command line never needs it

    return html.escape(terminal(text, one_line=False))


def markdown_text(text: str) -> str:
    """Text that Python-Markdown renders literally, inside a table cell or a link's text."""
    return _MARKDOWN.sub(lambda m: f"&#{ord(m.group())};", terminal(text))


def url_path(path: str) -> str:
    """A relative URL for a path: the platform's separator made `/`, every other character but
    letters, digits and `/._-~` percent-encoded, so no scheme (`javascript:`), query, fragment or
    Markdown syntax can survive (and a backslash in a POSIX file name is `%5C`, not a folder)."""
    quoted = quote(str(path).replace(os.sep, "/"), safe="/._-~")
    return "./" + quoted if quoted.startswith("/") else quoted


def scrub(text: str, limit: int = 2000, lines: int = 20) -> str:
    """Output of a build or a run, as shown in findings: control characters made visible, at
    most `lines` lines and `limit` characters."""
    kept = [terminal(line) for line in str(text).splitlines()[-lines:]]
    out = "\n".join(kept)
    return out if len(out) <= limit else out[: limit - 1] + "…"

