"""Find every Dockerfile fence a Markdown page renders, the way pymdownx.superfences finds them.

Pipeline per page: expand `--8<--` includes (keeping each line's origin), expand tabs, then scan
for fences at any indentation or blockquote depth (lists, admonitions, tabs, details).
"""

from __future__ import annotations

import re
from .records import replace

from pymdownx.superfences import RE_HL_LINES, RE_LINENUMS, RE_NESTED_FENCE_START, RE_OPTIONS

from . import fence_options
from .fencenames import DOCKERFILE_LANGUAGES
from .internal_errors import RULE_ID as INTERNAL_ERROR, failure_message
from .includes import DOWNLOADED, Budget, Line, Reader, expand
from .prose import lead_in, presented_as_bad
from .shown_dockerignore import shows_dockerignore
from .snippets import FenceOptions, Lines, Location, Problem, Snippet

_PREFIX = (">", " ", "\t")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(---|\.\.\.)\n", re.S)


def extract(page: str, text: str, read: Reader | None, known_rules: frozenset[str] | None = None,
            tab_len: int = 4, max_page_bytes: int | None = None) -> tuple[list[Snippet], list[Problem]]:
    """All Dockerfile snippets of a page, plus problems found while reading it (`read` None: the
    site does not expand `--8<--` includes, so neither do we). A failure of the checker's own code
    on the page is a DG017 problem on its first line, never an exception that ends the run."""
    try:
        return _extracted(page, text, read, known_rules, tab_len, max_page_bytes)
    except Exception as exc:
        message = failure_message("on this page while reading its Markdown", exc,
                                  "its Dockerfile blocks are not checked, the other files are")
        return [], [Problem(INTERNAL_ERROR, message, Location(page, 1))]


def _extracted(page: str, text: str, read: Reader | None, known_rules: frozenset[str] | None,
               tab_len: int, max_page_bytes: int | None) -> tuple[list[Snippet], list[Problem]]:
    problems: list[Problem] = []
    text = text.removeprefix("\ufeff")  # MkDocs reads pages as utf-8-sig: a BOM never hides a first-line fence
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        start = fm.group(0).count("\n")
    lines: list[Line] = [(t, Location(page, n)) for n, t in enumerate(raw, 1)][start:]
    if read is not None:
        lines = expand(lines, read, problems, budget=Budget(max_page_bytes))
    lines = [(t.expandtabs(tab_len), loc) for t, loc in lines]
    found: list[Problem] = []
    snippets = _scan(page, lines, known_rules, found)
    return _attach(snippets, problems + found)


def _attach(snippets: list[Snippet], problems: list[Problem]) -> tuple[list[Snippet], list[Problem]]:
    """Give each include problem to the snippet whose fence encloses it; the rest stay page-level,
    except those about the checker's own reading (a missing or too large include outside every
    Dockerfile fence renders as it would without the checker: not its business)."""
    loose = []
    for problem in problems:
        owner = next((i for i, s in enumerate(snippets) if s.encloses(problem.location)), None)
        if owner is None:
            if not problem.checker_only:
                loose.append(problem)
        elif problem.rule == DOWNLOADED:  # the block's text is not known until the site downloads it
            snippets[owner] = replace(snippets[owner], downloads=snippets[owner].downloads + (problem.message,))
        else:
            # inside a fence every include problem counts: the flag has done its work
            problem = replace(problem, checker_only=False) if problem.checker_only else problem
            snippets[owner] = replace(snippets[owner], problems=snippets[owner].problems + (problem,))
    return snippets, loose


def _lead(lines: list[Line], i: int) -> list[str]:
    """prose.lead_in() of the lines above the fence on line `i`: what the page says of that block."""
    return lead_in([t for t, _ in lines[max(0, i - 12):i]])


def _scan(page: str, lines: list[Line], known_rules, problems: list[Problem]) -> list[Snippet]:
    snippets: list[Snippet] = []
    dockerignore_shown = False  # a block of the page shows a .dockerignore
    i = 0
    while i < len(lines):
        text, loc = lines[i]
        start = _fence_start(text)
        if start is None:
            i += 1
            continue
        ws, m, lang = start
        if lang in DOCKERFILE_LANGUAGES and _unrecognized(m) is not None:
            # SuperFences renders this line as text and its closing line may open a fence: so do we,
            # reporting the options it would drop silently.
            problems.extend(Problem("DG002", e, loc) for e in _options(m, known_rules)[1])
            i += 1
            continue
        body, end = _fence_body(lines, i, ws, m.group("fence"))
        if end is None:
            # Like SuperFences, a fence that never closes swallows its lines and the one that broke
            # it (or the rest of the page): no fence in there is rendered as code, so none is checked.
            # A header SuperFences rejects (malformed options, reported as DG002) swallows nothing.
            after = i + len(body) + 2 if _unrecognized(m) is None else i + 1
            if lang in DOCKERFILE_LANGUAGES:
                problems.append(Problem("DG006", f"unterminated {m.group('fence')} fence: the Dockerfile is not "
                                                 "rendered as code (or the fence is not indented consistently)", loc))
            for swallowed, where in lines[i + 1:after]:
                inner = _fence_start(swallowed)
                if inner and inner[2] in DOCKERFILE_LANGUAGES:
                    problems.append(Problem("DG006", f"this Dockerfile fence is inside the unterminated fence of "
                                                     f"line {loc.line}: it is not rendered as code", where))
            i = after
            continue
        if lang not in DOCKERFILE_LANGUAGES:
            dockerignore_shown = dockerignore_shown or shows_dockerignore(
                lang, text, _lead(lines, i), "\n".join(t for t, _ in body))
            i = end + 1
            continue
        opts, errors = _options(m, known_rules)
        snippet_problems = tuple(Problem("DG002", e, loc) for e in errors)
        text = "\n".join(t for t, _ in body) + ("\n" if body else "")
        lead = _lead(lines, i)
        snippets.append(Snippet(
            text=text, page=page, fence=loc, lines=Lines.of(l for _, l in body), options=opts, problems=snippet_problems,
            end=lines[end][1], presented_as_bad=presented_as_bad(lead, text),
        ))
        i = end + 1
    if dockerignore_shown:
        snippets = [replace(s, dockerignore_shown=True) for s in snippets]
    return snippets


def _fence_start(text: str) -> tuple[str, re.Match, str] | None:
    """(prefix, match, language) when `text` opens a fence, as SuperFences sees it."""
    if "```" not in text and "~~~" not in text:
        return None  # most lines: no fence characters at all (the regex needs three in a row)
    ws = _leading_prefix(text)
    m = RE_NESTED_FENCE_START.match(text, len(ws))
    if not m:
        return None
    lang = m.group("lang") or ""
    if m.group("attrs") is not None and not m.group("lang"):
        classes = re.findall(r"\.([\w#.+-]+)", m.group("attrs"))
        lang = classes[0] if classes else ""
    if lang.lower() in DOCKERFILE_LANGUAGES:
        lang = "dockerfile"  # `Docker`, `DOCKERFILE`, `Containerfile`: the same language to us
    elif _rejected(m):
        return None  # SuperFences abandons it: the line is text, and its closing line may open a fence
    return ws, m, lang


def _rejected(m: re.Match) -> bool:
    """Would SuperFences refuse this non-Dockerfile fence header (pymdownx highlight_validator rules)?"""
    if _unrecognized(m) is not None:
        return True
    for opt in RE_OPTIONS.finditer(m.group("options") or ""):
        key, value = opt.group("key"), opt.group("value")
        value = key if value is None else value
        pattern = {"hl_lines": RE_HL_LINES, "linenums": RE_LINENUMS}.get(key)
        if key.startswith("data-") or key in ("title", "title_mode"):
            continue
        if pattern is None or not pattern.match(value):
            return True
    return False


def _options(m: re.Match, known_rules) -> tuple[FenceOptions, list[str]]:
    if m.group("attrs") is not None:
        return fence_options.parse_attr_string(m.group("attrs"), known_rules)
    text = m.group("options") or _unrecognized(m) or ""
    return fence_options.parse_option_string(text, known_rules)


def _leading_prefix(text: str) -> str:
    n = 0
    while n < len(text) and text[n] in _PREFIX:
        n += 1
    return text[:n]


def _fence_body(lines: list[Line], start: int, ws: str, fence: str) -> tuple[list[Line], int | None]:
    """Dedented body lines and the index of the closing fence (None when it never closes)."""
    quote_level = ws.count(">")
    indent = len(ws)
    closing = re.compile(re.escape(fence) + r"[ \t]*$")
    body: list[Line] = []
    for j in range(start + 1, len(lines)):
        text, loc = lines[j]
        prefix = text[:indent]
        content = text[indent:]
        if not text.strip() or (quote_level and text.strip().strip(">").strip() == ""):
            body.append(("", loc))
            continue
        if quote_level:
            if _leading_prefix(text).count(">") != quote_level or len(_leading_prefix(text)) < indent:
                return body, None
        elif len(_leading_prefix(text)) < indent or prefix.strip(" ") != "":
            return body, None
        if closing.match(content) and not content.startswith((" ", "\t")):
            return body, j
        body.append((content, loc))
    return body, None


def _unrecognized(m) -> str | None:
    """The option text SuperFences could not parse. Its fence regex has this group only from
    pymdownx 10.x on (older releases match such a line differently): absent means none."""
    return m.groupdict().get("unrecognized")
