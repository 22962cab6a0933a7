"""What a page says about a snippet in its own words: "❌ Bad:", "Don't", "this does not work".

Other projects' docs show mistakes on purpose without declaring them on the fence (`expect=`);
their prose or a first comment does. Findings there confirm what the author already says, so the
checker lowers them to info (config `bad_examples_from_prose`). Pure functions over text.
"""

from __future__ import annotations

import re

# The lead-in of a bad example: a marker at the start of the line before the fence (after Markdown
# markup: headings, emphasis, list bullets, tab titles `=== "Bad"`), or a "does not work" remark.
_MARKUP = r"^[\s#>*_\-=\"'`|.:0-9)(]*"
_BAD_START = re.compile(_MARKUP + r"(❌|⛔|🚫|👎|✗|✘|bad\b|wrong\b|incorrect\b|anti-?pattern\b|"
                        r"(don'?t|do not)\b(?!\s+(forget|need|have|worry|want))(?=[\s:.!,*_]*($|do this|use|write)))",
                        re.I)
_DOES_NOT_WORK = re.compile(r"\b(does not|doesn't|will not|won't) work\W*:\s*$", re.I)  # "But this does not work:"
_HEADING = re.compile(r"^[\s>]*(#{1,6}\s|===?\s)")  # a Markdown heading or a tab title
_FENCE = re.compile(r"^[\s>]*(```|~~~)")


def lead_in(lines: list[str]) -> list[str]:
    """The lines that introduce a fence: the nearest non-blank line above it, and the one above
    that when it is a heading or tab title (`### Don't` over a one-line paragraph); nearest last.
    `lines` are the page's lines before the fence. Another fence ends the search."""
    found: list[str] = []
    for line in reversed(lines):
        if not line.strip():
            continue
        if _FENCE.match(line) or len(found) == 2:
            break
        if found and not _HEADING.match(line):
            break
        found.insert(0, line)
    return found


def presented_as_bad(lead: list[str], text: str) -> bool:
    """Does the page present this snippet as a bad example? `lead`: see lead_in(); `text`: the
    snippet (a first comment such as `# Don't do this` counts too)."""
    if any(_BAD_START.search(line) or _DOES_NOT_WORK.search(line) for line in lead):
        return True
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first.startswith("#") and bool(_BAD_START.search(first.lstrip("#")))
