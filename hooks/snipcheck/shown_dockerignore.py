"""Which code blocks of a page show a `.dockerignore`.

Docs rarely use our fence option `dockerignore="..."`: they show the file in a block of its own,
titled `.dockerignore`, or under a line such as "Create a `.dockerignore` with the following
contents:" (docker/getting-started), often a step after the Dockerfile ("Step 4: .dockerignore").
A reader who follows the page has that file, so the page's Dockerfile blocks come with it. Pure
functions over text.
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


def shows_dockerignore(lang: str, header: str, lead: list[str], body: str) -> bool:
    """Does a non-Dockerfile block show a .dockerignore? `lang`: its language; `header`: its opening
    line; `lead`: prose.lead_in() of the lines above it; `body`: its text."""
    lang = lang.lower()
    if lang == "dockerignore":
        return True
    title = _TITLE.search(header)
    if title and _NAMES_IT.search(" " + next(g for g in title.groups() if g is not None)):
        return True
    if _WRITES_IT.search(body):
        return True
    return lang in _FILE_CONTENT_LANGUAGES and any(_NAMES_IT.search(line) for line in lead)
