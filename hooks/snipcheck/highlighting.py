"""Dockerfile blocks highlighted exactly as SuperFences highlights them, with Pygments' style turned
into CSS classes once per style instead of once per block.

pymdownx builds a new Pygments HtmlFormatter for every block, and each one walks the whole style to
build its token-to-class tables (`_create_stylesheet`): about 0.2 ms a block, most of what a short
block's highlighting costs, and the largest single item when a page is mostly short Dockerfile blocks
(a rule page holds two in 1.3 KiB). The tables depend only on the style and the class prefix, and
Pygments only reads them once built, so this module's formatter builds them once and copies them.

Only our own fence's highlighting uses it: while `highlight` runs, pymdownx's module name for its block
formatter points at a subclass that differs only there, and points back afterwards. Other blocks of the
page, and other plugins, keep pymdownx's own class. The HTML is byte for byte what pymdownx writes
(tests compare the two over the options that reach the formatter). Where pymdownx has no such class
(Pygments off or missing, or a release that renamed it), blocks are highlighted as pymdownx does.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

_TABLES: dict[tuple, tuple[dict, dict]] = {}  # (style class, class prefix) -> (ttype2class, class2style)


def highlight(src: str, md, **options) -> str:
    """SuperFences' highlighting of one block (its fenced-code preprocessor's `highlight`)."""
    with _shared_stylesheets():
        return md.preprocessors["fenced_code_block"].highlight(src=src, md=md, **options)


@contextmanager
def _shared_stylesheets() -> Iterator[None]:
    module = _pymdownx_highlight()
    original = getattr(module, "BlockHtmlFormatter", None) if module else None
    shared = _shared_class(original) if isinstance(original, type) else None
    if shared is None:
        yield
        return
    module.BlockHtmlFormatter = shared
    try:
        yield
    finally:
        module.BlockHtmlFormatter = original


def _pymdownx_highlight():
    try:
        from pymdownx import highlight as module
    except ImportError:  # pragma: no cover - SuperFences needs pymdownx.highlight
        return None
    return module


_SHARED: dict[type, type] = {}


def _shared_class(base: type) -> type | None:
    """`base` with its stylesheet tables built once per (style, class prefix); None when `base` is not a
    Pygments HtmlFormatter that builds them in `_create_stylesheet`."""
    if base in _SHARED or base.__name__ == "SharedStylesheetFormatter":
        return _SHARED.get(base, base)
    if not callable(getattr(base, "_create_stylesheet", None)):
        return None

    class SharedStylesheetFormatter(base):  # type: ignore[misc, valid-type]
        def _create_stylesheet(self):
            key = (self.style, getattr(self, "classprefix", None))
            tables = _TABLES.get(key)
            if tables is None:
                super()._create_stylesheet()
                tables = _TABLES[key] = (dict(self.ttype2class), dict(self.class2style))
            self.ttype2class, self.class2style = dict(tables[0]), dict(tables[1])

    _SHARED[base] = SharedStylesheetFormatter
    return SharedStylesheetFormatter
