"""What a rule is: metadata declared once next to a pure check function.

A rule module defines one function decorated with `@rule(...)`. The function takes a parsed
Dockerfile and a `Context` and yields `Violation`s; its docstring is the rule's documentation page.
"""

from __future__ import annotations

import datetime as dt
import re
from .records import dataclass, field
from collections.abc import Callable, Iterable

from .model import Dockerfile, Severity

DOC_HEADINGS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")
_ID = re.compile(r"^DG\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_UNWORD_CHARS = "\\`'\"\n"  # what gate_text removes from the joined instructions
_UNWORD_SEARCH = re.compile("[" + re.escape(_UNWORD_CHARS) + "]").search


@dataclass(frozen=True)
class Violation:
    """What a rule reports: a line of the snippet (1-based) and a message with the instance data."""

    line: int
    message: str
    severity: Severity | None = None  # only when one rule has two levels (e.g. error vs info)


@dataclass(frozen=True)
class Context:
    """Facts about the snippet beyond its text, e.g. whether it ships a .dockerignore."""

    dockerignore: str | None = None
    dockerignore_shown: bool = False  # the page shows a .dockerignore in a block of its own (text unknown)
    fragment: bool = False
    declared_fragment: bool = False  # the fence says `fragment`: names from outside may be in scope
    declared_no_tls: bool = False
    excerpt: bool = False  # elided, placeholders or a short illustration: not the whole image
    elided: tuple[int, ...] = ()  # lines that stand for omitted ones (`...`): what they hid is unknown
    placeholders: frozenset[int] = frozenset()  # lines with a placeholder instead of a value
    options: dict = field(default_factory=dict)
    today: dt.date | None = None  # the date end-of-life dates are judged by (None: not judged)


Check = Callable[[Dockerfile, Context], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    aliases: tuple[str, ...]
    guide: str  # page (and anchor) of the guide that explains the advice
    check: Check = field(repr=False, compare=False)
    fragment_ok: bool = True  # applies to fragments (snippets without FROM)
    default_enabled: bool = True
    whole_image: bool = False  # judges the whole image: skipped on excerpts and short illustrations
    why: str = ""  # why the default severity is what it is (harm to a reader who copies the snippet)
    # The rule can only fire on a snippet whose lowercased text holds one of these words (e.g. "apt"
    # for the apt rules, "$" for the variable rules); the checker skips it on any other snippet.
    # "Text" is `gate_text`: also the instructions as joined, and without quotes and escapes.
    requires: tuple[str, ...] = ()
    # False for a rule that the pipeline reports (the parser's neighbours: fences, includes, pragmas,
    # expectations, the real build): its check finds nothing and only carries the rule's page, so a
    # run neither imports nor calls it.
    checks_instructions: bool = True

    def may_fire_on(self, present_words: frozenset[str]) -> bool:
        """Given the gate words a snippet holds (RuleSet.gate_words_in(gate_text(df))): the definition
        RuleSet.runnable's word index implements (tests/test_shared_analysis.py holds them equal)."""
        return self.checks_instructions and (not self.requires or not present_words.isdisjoint(self.requires))

    @property
    def module(self) -> str:
        """The module that defines the rule (for a catalog rule, known without importing it)."""
        return self.check.module if isinstance(self.check, DeferredCheck) else self.check.__module__

    def loaded(self) -> Rule:
        """This rule with its check function imported (a catalog rule imports its module on first use)."""
        if isinstance(self.check, DeferredCheck):
            self.check.load()
        return self

    @property
    def doc(self) -> str:
        import inspect  # only rule pages and docs read it: not imported by a check

        return inspect.cleandoc(self.loaded().check.__doc__ or "")

    @property
    def severity_reason(self) -> str:
        """`why`, else the first sentence of the docstring's "Why is this bad?"."""
        if self.why:
            return self.why
        text = " ".join(self.doc_section("Why is this bad?").split())
        for end in re.finditer(r"[.!?](?=\s|$)", text):
            if text.count("`", 0, end.end()) % 2 == 0:  # not a full stop inside a `code span`
                return text[: end.end()]
        return text

    def doc_section(self, heading: str) -> str:
        """Text under `## heading` in the docstring ('' when absent)."""
        parts = re.split(r"^## (.+)$", self.doc, flags=re.M)
        for title, body in zip(parts[1::2], parts[2::2]):
            if title.strip() == heading:
                return body.strip()
        return ""

    def doc_code(self, heading: str) -> str:
        """The Dockerfile in the first fenced block under `heading`."""
        m = re.search(r"^(```|~~~)([^\n]*)\n(.*?)^\1\s*$", self.doc_section(heading), flags=re.S | re.M)
        return m.group(3) if m else ""

    def doc_language(self, heading: str) -> str:
        """Language of the first fenced block under `heading` ('dockerfile' or 'markdown')."""
        m = re.search(r"^(```|~~~)(\w*)", self.doc_section(heading), flags=re.M)
        return m.group(2) if m else ""


def rule(*, id: str, name: str, severity: str, summary: str, aliases: tuple[str, ...] = (),
         guide: str = "", fragment_ok: bool = True, default_enabled: bool = True, whole_image: bool = False,
         why: str = "", requires: tuple[str, ...] = (), checks_instructions: bool = True) -> Callable[[Check], Rule]:
    """Declare a rule: `@rule(id="DG101", name="...", severity="error", summary="...")`."""
    if any(not word or word != word.lower() for word in requires):
        raise ValueError(f"{id}: requires= takes lowercase words (they are looked up in the lowercased text)")
    if any(len(word) > 1 and any(c in _UNWORD_CHARS for c in word) for word in requires):
        raise ValueError(f"{id}: requires= words hold no quotes, escapes or line breaks (see gate_text)")
    if not _ID.match(id):
        raise ValueError(f"rule id {id!r} must look like DG123")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")

    def wrap(fn: Check) -> Rule:
        return Rule(id=id, name=name, severity=Severity.parse(severity), summary=summary,
                    aliases=tuple(aliases), guide=guide, check=fn, fragment_ok=fragment_ok,
                    default_enabled=default_enabled, whole_image=whole_image, why=why, requires=tuple(requires),
                    checks_instructions=checks_instructions)

    return wrap


class CatalogError(RuntimeError):
    """rules/catalog.py no longer says what a rule module declares."""


class DeferredCheck:
    """A catalog rule's check: imports the rule's module on the first call, then puts the real
    function in the rule's place, so a run imports only the rules that may fire on its snippets.

    The module's own declaration must equal the catalog's (everything but the function); if it does
    not, the catalog is stale and the rule refuses to run rather than report under old metadata."""

    def __init__(self, module: str, attribute: str) -> None:
        self.module, self.attribute = module, attribute
        self.rule: Rule | None = None

    def load(self) -> Check:
        import importlib

        declared = getattr(importlib.import_module(self.module), self.attribute, None)
        if not isinstance(declared, Rule) or declared != self.rule:
            raise CatalogError(f"{self.module}.{self.attribute}: its @rule declaration differs from "
                               f"snipcheck/rules/catalog.py; run `python tools/rule_catalog.py` to regenerate it")
        object.__setattr__(self.rule, "check", declared.check)
        return declared.check

    def __call__(self, df: Dockerfile, ctx: Context) -> Iterable[Violation]:
        return self.load()(df, ctx)


def catalog_rule(module: str, attribute: str, *, severity: str, **declaration) -> Rule:
    """A rule as rules/catalog.py declares it, its check imported on first use (see DeferredCheck).

    Not checked as `rule` checks a declaration: the catalog is written from declarations `rule`
    accepted, and a rule runs only once its module's declaration, checked then, equals this one."""
    deferred = DeferredCheck(module, attribute)
    deferred.rule = Rule(severity=Severity[severity.upper()], check=deferred, **declaration)
    return deferred.rule


_UNWORD = str.maketrans("", "", _UNWORD_CHARS)


def gate_text(df: Dockerfile) -> str:
    """The lowercased text `requires=` words are looked up in: the snippet as written, then each
    instruction as the parser joined it (continuation lines and the comment lines inside them gone,
    flags, JSON items decoded, heredoc bodies) without quotes, escapes and line breaks. So a word the
    rules read (`apt-get`) is found even when written `ap\\<newline>t-get`, `a''pt-get` or
    `"\\u0061pt-get"`; extra text only lets a rule run, it never hides one.

    The joined instructions with their quotes and escapes kept would add nothing: a word without
    those characters is in them only if it is in the text without them, and the one rule that asks
    for an escape character (DG103, `\\` or a backquote ending a continued line) finds it in the
    snippet as written. Left out, the words are looked for in a third less text.

    An instruction written on one line without quotes or escapes is left out too: joined, it is the
    same text (flags come back as `--name=value`, as written), already in the snippet as written.
    The words are looked for in every character of this text, one scan a word, so its length is
    what they cost."""
    parts = []
    for outer in df.instructions:
        if not _UNWORD_SEARCH(outer.original):
            continue  # its joined text adds nothing to the snippet as written
        for ins in (outer, outer.inner):
            if ins is None:
                continue
            parts.append(ins.raw_keyword)
            for f in ins.flags:
                parts.append(f"--{f.name}={f.value or ''}")
            parts.append(ins.args)
            parts.extend(ins.json_args or ())
            for heredoc in ins.heredocs:
                parts.append(heredoc.body)
    return (df.text + "\n" + "\n".join(parts).translate(_UNWORD)).lower()
