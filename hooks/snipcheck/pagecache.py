"""The generated rule pages, kept between builds: writing them means importing every rule module
to read its docstring, which is most of what a build with a warm check cache would still do.

One JSON file per key under cache_folder("pages"): the key is the checker's source fingerprint
(any edit to a rule or to the page layout changes it), the rules in order, and the guide pages
the rule pages may link to (a link is written only when its page exists). A damaged or missing
file is a miss; only the newest few files are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from .atomicfile import write_atomically
from .cachedir import keep_newest
from .checkcache import blake2b, checker_fingerprint
from .rulekit import Rule
from .rulepages import rule_pages

FORMAT = 2  # 2: the index page's tables are HTML in comments
KEEP = 4  # keys seen lately (a branch switch and back keeps both)


def cached_rule_pages(rules: tuple[Rule, ...], has_page, folder: Path | None) -> dict[str, str]:
    """rulepages.rule_pages(rules, has_page), read from `folder` when an earlier build wrote it
    (None: no cache). The key is computed from the catalog alone, so a hit imports no rule module."""
    if folder is None:
        return rule_pages(rules, has_page)
    guides = sorted({r.guide.partition("#")[0] for r in rules if r.guide})
    fingerprint = checker_fingerprint(folder.parent / "checks")  # memoized where the check cache keeps it
    material = json.dumps([FORMAT, fingerprint, [r.id for r in rules], [g for g in guides if has_page(g)]])
    path = folder / (blake2b(material.encode(), digest_size=16).hexdigest() + ".json")
    try:
        pages = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(pages, dict) and all(isinstance(v, str) for v in pages.values()):
            return pages
    except (OSError, ValueError):
        pass
    pages = rule_pages(rules, has_page)
    try:
        write_atomically(path, json.dumps(pages))
        keep_newest(folder, KEEP)
    except OSError:
        pass  # a read-only or full cache costs the reuse, not the build
    return pages
