"""Escaping for every output a value from a page can reach: terminal, Markdown, URLs, logs.

Values that come from pages (file names, fence options, included text, messages that quote
them, build output) are untrusted. Each output format escapes them with one function from
here (HTML uses `html.escape`, JSON and SARIF `json.dumps`, GitHub commands report/github.py).
"""

from __future__ import annotations

import re
from urllib.parse import quote

# C0 and C1 control characters (ESC starts ANSI sequences), DEL, and the Unicode bidi and
# line/paragraph separators that reorder or break what a terminal or a review shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile(_CONTROL.pattern[:-1] + "\n\t]")
# Markdown's inline syntax characters (and `:` against autolinks): written as numeric entities
# they render as themselves and can start no link, emphasis, code span, table cell or HTML.
_MARKDOWN = re.compile(r"""[\\`*_{}\[\]()<>#+!|~&"':=]""")


def terminal(text: str, one_line: bool = True) -> str:
    """Control characters and ANSI escapes shown as `\\x1b`-style text; newlines too when the
    output is one line per finding."""
    pattern = _CONTROL_OR_NEWLINE if one_line else _CONTROL
    return pattern.sub(_visible, str(text))


def html_text(text: str) -> str:
    """Text for an HTML element or attribute: `html.escape`, control characters made visible."""
    import html  # HTML output only; the command line never needs it

    return html.escape(terminal(text, one_line=False))


def markdown_text(text: str) -> str:
    """Text that Python-Markdown renders literally, inside a table cell or a link's text."""
    return _MARKDOWN.sub(lambda m: f"&#{ord(m.group())};", terminal(text))


def url_path(path: str) -> str:
    """A relative URL for a site path: every character but letters, digits and `/._-~` percent-
    encoded, so no scheme (`javascript:`), query, fragment or Markdown syntax can survive."""
    quoted = quote(str(path).replace("\\", "/"), safe="/._-~")
    return "./" + quoted if quoted.startswith("/") else quoted


def scrub(text: str, limit: int = 2000, lines: int = 20) -> str:
    """Output of a build or a run, as shown in findings: control characters made visible, at
    most `lines` lines and `limit` characters."""
    kept = [terminal(line) for line in str(text).splitlines()[-lines:]]
    out = "\n".join(kept)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _visible(m: re.Match) -> str:
    char = m.group()
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\x{ord(char):02x}" if ord(char) < 256
                                                         else f"\\u{ord(char):04x}")
