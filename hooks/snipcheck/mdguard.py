"""A Python-Markdown extension that holds pymdownx.snippets to the checker's containment rule.

pymdownx.snippets keeps includes inside its base paths by name only: a symlink under
`snippets/` that points elsewhere is followed, and the target's text would be published on the
page. Added after pymdownx.snippets, this extension hands it an empty file instead of such a
path (or one that is not a regular file, such as a FIFO or /dev/zero): the page renders an empty
block, and the checker's own DG008 or DG009 finding, with page and line, fails the strict build.
Size is not its business: an include the site renders today (a long changelog) renders as before;
the checker's own size limit applies only to what it reads for Dockerfile fences.
"""

from __future__ import annotations

import os

from markdown import Extension

from .containment import Roots


class ContainSnippets(Extension):
    def __init__(self, roots: Roots, **kwargs) -> None:
        self.roots = roots
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
        """Inside the roots (symlinks followed) and a regular file."""
        try:
            return self.roots.contains(path) and os.path.isfile(path)
        except OSError:
            return False
