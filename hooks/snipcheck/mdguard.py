"""A Python-Markdown extension that holds pymdownx.snippets to the checker's containment rule.

pymdownx.snippets keeps includes inside its base paths by name only: a symlink under
`snippets/` that points elsewhere is followed, and the target's text would be published on the
page. Added after pymdownx.snippets, this extension hands it an empty file instead of such a
path (or one over the size limit): the page renders an empty block, and the checker's own DG008
or DG009 finding, with page and line, fails the strict build.
"""

from __future__ import annotations

import os

from markdown import Extension

from .containment import Roots


class ContainSnippets(Extension):
    def __init__(self, roots: Roots, max_bytes: int, **kwargs) -> None:
        self.roots = roots
        self.max_bytes = max_bytes
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        if "snippet" not in md.preprocessors:
            return
        snippets = md.preprocessors["snippet"]
        found = snippets.get_snippet_path
        if getattr(found, "snipcheck_contained", False):
            return

        def contained(path):
            target = found(path)
            if target is not None and not self.allowed(target):
                return os.devnull
            return target

        contained.snipcheck_contained = True
        snippets.get_snippet_path = contained

    def allowed(self, path: str) -> bool:
        """Inside the roots (symlinks followed), a regular file, and not larger than the limit."""
        try:
            return self.roots.contains(path) and os.path.isfile(path) and os.path.getsize(path) <= self.max_bytes
        except OSError:
            return False
