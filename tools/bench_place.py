"""A MkDocs hook for `make bench`'s build without the checker (benchkit.same_pages_config): it puts
into the report page and the rule index the tables the checker places there after Markdown, by the
same string replacement, from `<docs_dir>.placed.json` ({page: {mark: HTML}}). It runs no check."""

from __future__ import annotations

import json
from pathlib import Path

_placed: dict | None = None


def on_page_content(html, page, config, files):
    global _placed
    if _placed is None:
        path = Path(f"{config['docs_dir']}.placed.json")
        _placed = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for mark, shown in _placed.get(page.file.src_uri, {}).items():
        html = html.replace(mark, shown, 1)
    return html
