"""The pure core: snippet -> parsed Dockerfile -> rule violations -> policy -> SnippetResult.

Policy is applied after the rules: suppressions (inline pragmas, `# check=skip`), fence
expectations, fragments, severity overrides and the fail-on threshold.
"""

from __future__ import annotations

from .records import replace

from .config import Config
from .lifecycle import today
from .severity import Severity
from .excerpts import as_copied, has_placeholder, mask_elisions, placeholder_words, scope_of
from .parser import parse
from .profiles import judges_every_snippet_whole, profile_severity
from .textkind import advice, foreign_kind
from .pragmas import Suppression, judged_codes, suppressions
from .registry import RuleSet
from .results import BUILD_RULE_IDS, Finding, SnippetResult, result_from, with_findings  # noqa: F401 (re-exported)
from .internal_errors import RULE_ID as INTERNAL_ERROR, failure_message
from .rulekit import CatalogError, Context, gate_text
from .snippets import FenceOptions, Location, Snippet, snippet_from_dockerfile


def check_snippet(snippet: Snippet, ruleset: RuleSet, config: Config = Config()) -> SnippetResult:
    """Check one snippet and apply the policy. Pure: no I/O, no logging.

    A failure of the checker's own code is a DG017 finding on this snippet, never an exception that
    ends the run and loses every other result: a rule that fails is reported in its place (the other
    rules run); a failure outside the rules (the parser, the policy) in place of the snippet's checks."""
    try:
        return _checked(snippet, ruleset, config)
    except CatalogError:
        raise  # an installation whose rule catalog is stale: refuse to run at all
    except Exception as exc:
        raw = _page_problems(snippet)
        raw.append((INTERNAL_ERROR, 0, failure_message("on this snippet", exc, "no rule ran on it"), None))
        return result_from(snippet, _to_findings(raw, snippet, ruleset, config, snippet.options), config)


def _page_problems(snippet: Snippet) -> list[tuple]:
    """What reading the page found (fence options, includes), as raw findings."""
    return [(p.rule, _snippet_line(snippet, p.location), p.message, None) for p in snippet.problems]


def _checked(snippet: Snippet, ruleset: RuleSet, config: Config) -> SnippetResult:
    opts = snippet.options
    raw = _page_problems(snippet)
    if snippet.skip_reason:
        findings = _to_findings(raw, snippet, ruleset, config, opts)
        return result_from(snippet, findings, config, skipped=True)
    text, elided = mask_elisions(as_copied(snippet))
    df = parse(text)
    judge_whole = judges_every_snippet_whole(config.profile)
    kind = None if judge_whole else foreign_kind(df, snippet.text)
    if kind is not None:
        raw = [r for r in raw if r[0] != "DG001"] + [("DG015", 1, advice(kind), None)]
        return _expectations_applied(raw, snippet, ruleset, config)
    scope = scope_of(df, snippet.text, elided, whole_file=snippet.is_whole_file)
    if df.is_fragment and not opts.fragment and not df.errors and (
            config.require_fragment_declaration or "DG007" in opts.expect):
        raw.append(("DG007", 1, "no FROM: this is a fragment; declare it with the fence option `fragment`", None))
    elif opts.fragment and not df.is_fragment:
        raw.append(("DG002", 0, "the fence says `fragment` but the snippet has a FROM line", None))
    context = Context(dockerignore=snippet.dockerignore_text, dockerignore_shown=snippet.dockerignore_shown,
                      fragment=df.is_fragment,
                      declared_fragment=opts.fragment or (df.is_fragment and not judge_whole
                                                          and not config.require_fragment_declaration),
                      declared_no_tls=opts.no_tls, today=today(config.today),
                      elided=scope.elided, placeholders=scope.placeholders,
                      excerpt=scope.excerpt and not (judge_whole or config.whole_image_rules_on_excerpts))
    present = ruleset.gate_words_in(gate_text(df))
    skip_whole_image = context.excerpt
    for rule in ruleset.runnable(opts.expect, present, df.is_fragment):  # skips rules whose words are absent
        if skip_whole_image and rule.whole_image and rule.id not in opts.expect:
            continue
        before = len(raw)
        try:  # inline, not a function per rule: most rules find nothing, and a call is most of their cost
            for v in rule.check(df, context):
                raw.append((rule.id, v.line, v.message, v.severity))
        except CatalogError:
            raise
        except Exception as exc:  # RecursionError and MemoryError too: this rule's bug, on this snippet
            del raw[before:]  # its findings before it failed: the one DG017 finding stands for them all
            raw.append(_rule_failure(rule, exc))
    if not judge_whole:
        raw = _drop_placeholder_readings(raw, snippet.text, opts.expect)
    raw = _apply_suppressions(raw, suppressions(df), ruleset)
    return _expectations_applied(raw, snippet, ruleset, config)


def _rule_failure(rule, exc: BaseException) -> tuple:
    """The DG017 finding for a rule that failed on a snippet: it stands for that rule's findings."""
    return (INTERNAL_ERROR, 0, failure_message(f"on this snippet in rule {rule.id}", exc, "the other rules ran"), None)


def _expectations_applied(raw, snippet: Snippet, ruleset: RuleSet, config: Config) -> SnippetResult:
    opts = snippet.options
    fired = {r for r, *_ in raw}
    for expected in opts.expect:
        if expected not in fired and expected not in BUILD_RULE_IDS:
            raw.append(("DG004", 0, f"this bad example expects {expected} ({ruleset.name_of(expected)}), "
                                    f"which did not fire", None))
    findings = _to_findings(raw, snippet, ruleset, config, opts)
    return result_from(snippet, findings, config)


def check_text(text: str, ruleset: RuleSet, config: Config = Config(), options: FenceOptions = FenceOptions(),
               path: str = "Dockerfile") -> SnippetResult:
    """Check Dockerfile text directly (tests, rule docs, plain files)."""
    return check_snippet(replace(snippet_from_dockerfile(path, text), options=options), ruleset, config)


def _drop_placeholder_readings(raw, text: str, expected: tuple[str, ...]):
    """Findings that read a placeholder (`<base>`, `[ your packages ]`) as a value say nothing."""
    if not raw or not has_placeholder(text):
        return raw  # most snippets: no line has a placeholder if the whole text has none
    lines = text.split("\n")
    kept = []
    for item in raw:
        rule_id, line, message = item[0], item[1], item[2]
        words = placeholder_words(lines[line - 1]) if 0 < line <= len(lines) else frozenset()
        if rule_id not in expected and any(w in message for w in words):
            continue
        kept.append(item)
    return kept


def _snippet_line(snippet: Snippet, loc: Location) -> int:
    return snippet.lines.index(loc) + 1 if loc in snippet.lines else 0


def _apply_suppressions(raw, sups: list[Suppression], ruleset: RuleSet):
    used: set[int] = set()
    kept = []
    for rule_id, line, message, severity in raw:
        hit = None
        for n, s in enumerate(sups):
            if s.applies_to[0] <= line <= s.applies_to[1] and any(ruleset.matches(code, rule_id) for code in s.codes):
                hit = n
                break
        if hit is None or rule_id in ("DG003", "DG004"):
            kept.append((rule_id, line, message, severity))
        else:
            used.add(hit)
    for n, s in enumerate(sups):
        codes = judged_codes(s.codes)
        unknown = [c for c in codes if not ruleset.known(c)]
        if not codes:
            continue  # only ShellCheck codes: valid for hadolint, not ours to judge
        if unknown:
            kept.append(("DG003", s.line, f"suppression names unknown rule(s): {', '.join(unknown)}", None))
        elif n in used or any(c.lower() == "all" for c in s.codes):
            continue
        else:
            kept.append(("DG003", s.line, f"unused suppression: {', '.join(codes)} did not fire where it applies", None))
    return kept


def _to_findings(raw, snippet: Snippet, ruleset: RuleSet, config: Config, opts: FenceOptions) -> tuple[Finding, ...]:
    out = []
    shown_bad = (snippet.presented_as_bad and config.bad_examples_from_prose and not opts.expect
                 and not judges_every_snippet_whole(config.profile))
    for rule_id, line, message, own_severity in raw:
        rule = ruleset.get(rule_id)
        default = profile_severity(config.profile, rule) or own_severity or rule.severity
        if shown_bad and default > Severity.INFO and not rule_id.startswith("DG0"):
            default = Severity.INFO  # the page says so itself; DG0xx are about the page, kept as they are
            message += " (the page presents this snippet as a bad example)"
        severity = config.severity.get(rule_id, default)
        loc = snippet.location(line) if line else snippet.fence
        out.append(Finding(rule_id, rule.name, rule.aliases, severity, message, loc, line,
                           expected=rule_id in opts.expect))
    return tuple(sorted(out, key=lambda f: (f.snippet_line, f.rule)))
