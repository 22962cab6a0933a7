"""The SuperFences custom fence for Dockerfiles: highlight as usual, then show the check result.

Engine-neutral: it needs only Python-Markdown and pymdownx, so it keeps working where MkDocs
hooks do not run (the result lookup then falls back to checking the fence text on its own).
"""

from __future__ import annotations

from typing import Callable

from pymdownx.superfences import highlight_validator

from .checker import SnippetResult
from .fence_options import HIGHLIGHT_KEYS, OUR_KEYS
from .markdown import FENCE_NAMES
from .report.html import render_result

ResultFor = Callable[[str], SnippetResult]


def validator(language, inputs, options, attrs, md) -> bool:
    """Accept our options (checked and reported by the scanner) and pass highlighting ones on."""
    highlight = {k: v for k, v in inputs.items() if k in HIGHLIGHT_KEYS}
    highlight_validator(language, highlight, options, attrs, md)
    for key in OUR_KEYS:
        if key in inputs:
            options["snipcheck_" + key] = inputs[key]
    attrs.clear()
    return True


def make_formatter(result_for: ResultFor):
    """A formatter that renders the highlighted block plus the result for its text."""

    def formatter(src, language, class_name, options, md, **kwargs):
        result = result_for(src)
        opts = {k: v for k, v in options.items() if not k.startswith("snipcheck_")}
        lines = sorted({f.snippet_line for f in result.findings if f.snippet_line})
        if lines and "hl_lines" not in opts and result.status in ("expected", "fail"):
            opts["hl_lines"] = " ".join(str(n) for n in lines)
        code = md.preprocessors["fenced_code_block"].highlight(
            src=src, language="dockerfile", options=opts, md=md, classes=kwargs.get("classes", []),
            id_value=kwargs.get("id_value", ""), attrs=kwargs.get("attrs", {}),
        )
        return f'<div class="snipcheck-block">{code}{render_result(result)}</div>'

    return formatter


def custom_fences(result_for: ResultFor) -> list[dict]:
    """Entries for `pymdownx.superfences` `custom_fences`, one per Dockerfile language name."""
    formatter = make_formatter(result_for)
    return [{"name": name, "class": "highlight", "format": formatter, "validator": validator}
            for name in FENCE_NAMES]
