"""Rules share what the analyses derive from one parsed Dockerfile (its Flow, path origins, the
instruction index, the global ARG scope). Sharing must not change a single finding: every rule
alone on a fresh parse says exactly what it says after all the others ran on the same parse, in
either order."""

from pathlib import Path

import pytest

from snipcheck.analysis.flow import Flow
from snipcheck.analysis.queries import instructions
from snipcheck.config import Config
from snipcheck.excerpts import mask_elisions
from snipcheck.parser import parse
from snipcheck.registry import RuleSet
from snipcheck.rulekit import Context

ROOT = Path(__file__).resolve().parent.parent
RULES = RuleSet(Config()).rules


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "snippets" / "examples").glob("*.Dockerfile"))]
    for rule in RULES:
        for heading in ("Example", "Use instead"):
            if rule.doc_language(heading) == "dockerfile" and rule.doc_code(heading):
                texts.append(rule.doc_code(heading))
    return texts


def _findings(rule, df) -> list[tuple]:
    context = Context(fragment=df.is_fragment)
    return [(v.line, v.message, v.severity) for v in rule.check(df, context)]


def test_one_flow_per_dockerfile():
    df, other = parse("FROM alpine\nRUN true\n"), parse("FROM alpine\nRUN true\n")
    assert Flow.of(df) is Flow.of(df)
    assert Flow.of(df) is not Flow.of(other)


def test_instruction_index_looks_through_onbuild():
    df = parse("FROM alpine\nONBUILD RUN make\nRUN true\n")
    assert [i.args for i in instructions(df, "RUN")] == ["make", "true"]
    assert instructions(df, "COPY") == ()


@pytest.mark.parametrize("order", ["forward", "reversed"])
def test_shared_analyses_change_no_finding(order):
    texts = _texts()
    assert len(texts) > 150
    rules = RULES if order == "forward" else tuple(reversed(RULES))
    differ = []
    for text in texts:
        masked = mask_elisions(text)[0]
        shared = parse(masked)
        for rule in rules:
            if _findings(rule, shared) != _findings(rule, parse(masked)):
                differ.append((rule.id, text.splitlines()[:2]))
    assert differ == []


def test_requires_words_skip_no_finding():
    """A rule's `requires=` words only let the checker skip snippets the rule says nothing about:
    the same snippets checked with every gate removed give the same results."""
    from snipcheck.records import replace

    from snipcheck.checker import check_text

    config = Config()
    gated = RuleSet(config)
    ungated = RuleSet(config, all_rules=tuple(replace(r, requires=()) for r in gated.all))
    assert any(r.requires for r in gated.all)
    differ = [text.splitlines()[:2] for text in _texts()
              if check_text(text, gated, config).findings != check_text(text, ungated, config).findings]
    assert differ == []


def test_requires_words_are_lowercase():
    from snipcheck.rulekit import rule

    with pytest.raises(ValueError, match="lowercase"):
        rule(id="DG999", name="x", severity="info", summary="x", requires=("APT",))


def test_requires_words_hold_no_quotes_or_escapes():
    """gate_text looks for them in the joined instructions without quotes and escapes: only a lone
    escape character (DG103's), found in the snippet as written, may be one."""
    from snipcheck.rulekit import rule

    for word in ("apt'get", '"apt', "ap\\t", "a`b"):
        with pytest.raises(ValueError, match="no quotes, escapes"):
            rule(id="DG999", name="x", severity="info", summary="x", requires=(word,))
    assert rule(id="DG999", name="x", severity="info", summary="x", requires=("\\", "`"))(lambda df, ctx: ())


@pytest.mark.parametrize("script, expanded", [
    ("echo $A", "echo $A"),
    ("echo '$A' \\$B \"$C\" # $D\nls $E", 'echo  B "$C" \nls $E'),  # '...', \$ and the comment go
    ("echo \"it's $A\" 'unclosed $B", "echo \"it's $A\" 'unclosed $B"),  # quotes that hide nothing stay
    ("a#b $C; #c $D\n$E", "a#b $C; \n$E"),
])
def test_expanded_text_drops_what_the_shell_never_expands(script, expanded):
    from snipcheck.analysis.shell import expanded_text

    assert expanded_text(script) == expanded


def test_instruction_and_command_hashes_are_kept_but_never_pickled():
    """Caches key on instructions and commands, so their hash is computed once and kept; a pickled copy
    leaves it behind (another process may hash strings differently) and hashes equal again."""
    import pickle

    from snipcheck.analysis.shell import run_commands

    ins = parse("FROM alpine\nRUN go build -o /app .\n").instructions[1]
    cmd = run_commands(ins)[0]
    for value in (ins, cmd):
        assert hash(value) == hash(value) and "_hash" in value.__dict__
        copy = pickle.loads(pickle.dumps(value))
        assert "_hash" not in copy.__dict__ and copy == value and hash(copy) == hash(value)
    assert hash(ins) == hash(parse("FROM alpine\nRUN go build -o /app .\n").instructions[1])


SEED = ROOT.parent / "shared" / "seed"


def _gated_and_ungated(config):
    from snipcheck.records import replace

    gated = RuleSet(config)
    return gated, RuleSet(config, all_rules=tuple(replace(r, requires=()) for r in gated.all))


def _results(snippets, ruleset, config) -> list[tuple]:
    from snipcheck.checker import check_snippet

    return [(s.page, s.fence, [(f.rule, f.line, f.message, f.severity)
                               for f in check_snippet(s, ruleset, config).findings])
            for s in snippets]


@pytest.mark.parametrize("folder", ["docs", "seed"])
def test_requires_words_skip_no_finding_on_pages(folder):
    """The same check over the guide's Markdown pages (as the hook collects them, with their fence
    options and .dockerignore) and over ../shared/seed: gated and ungated give the same findings."""
    from snipcheck.collect import collect
    from snipcheck.run import project_config, snippet_bases

    path = ROOT / "docs" if folder == "docs" else SEED
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the seed corpus is not beside this checkout")
    config = project_config(ROOT)
    gated, ungated = _gated_and_ungated(config)
    snippets = collect([str(path)], ROOT, snippet_bases(ROOT, config), gated.ids).snippets
    assert len(snippets) > (50 if folder == "docs" else 10)
    assert _results(snippets, gated, config) == _results(snippets, ungated, config)


@pytest.mark.parametrize("text, rule", [
    ("FROM debian:trixie\nRUN ap\\\nt-get install curl\n", "DG214"),  # a continuation inside the word
    ("FROM debian:trixie\nRUN ap\\\n# note\nt-get install curl\n", "DG214"),  # ... with a comment line
    ("FROM debian:trixie\nRUN a''pt-get install curl\n", "DG214"),  # quotes inside the word
    ("FROM debian:trixie\nRUN a\\pt-get install curl\n", "DG214"),  # a shell escape
    ("# escape=`\nFROM debian:trixie\nRUN ap`\nt-get install curl\n", "DG214"),  # the other escape token
    ("FROM debian:trixie\nRUN ap\\\n\nt-get install curl\n", "DG214"),  # ... with an empty line inside
    ('FROM debian:trixie\nRUN ["\\u0061pt-get", "install", "curl"]\n', "DG214"),  # a JSON escape
    ("FROM alpine:3.22\nRUN <<EOF\nsu\\\ndo ls\nEOF\n", "DG208"),  # a continuation inside a heredoc
    ("FROM alpine:3.22\nEXP\\\nOSE 99999\n", "DG211"),  # a continuation inside the keyword
    ("FROM alpine:3.22\nONBUILD RUN [\"\\u0073udo\", \"ls\"]\n", "DG208"),  # JSON behind ONBUILD
    # The gates of the whole-image rules: the go command, the TZ variable, the package managers.
    ("FROM debian:trixie AS build\nWORKDIR /src\nCOPY . .\nRUN g\\\no build -o /app .\nFROM scratch\n"
     "COPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n", "DG501"),
    ("FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\n"
     "COPY --from=build /app /app\nENV T\\\nZ=Europe/Berlin\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n", "DG502"),
    ("FROM alpine:3.22 AS build\nRUN echo hi > /app\nFROM alpine:3.22\nRUN a\\\npk add --no-cache gcc\n"
     "COPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n", "DG612"),
])
def test_requires_words_are_found_however_the_word_is_written(text, rule):
    """The gate looks at the words the rules read, not only at the raw text: a word split by a line
    continuation, quotes or escapes still lets its rule run."""
    from snipcheck.checker import check_text

    config = Config()
    gated, ungated = _gated_and_ungated(config)
    assert rule in {f.rule for f in check_text(text, ungated, config).findings}
    assert check_text(text, gated, config).findings == check_text(text, ungated, config).findings


def test_the_runnable_rules_are_the_rules_whose_gate_opens_in_order():
    """RuleSet.runnable (a word -> rules index) picks exactly what asking each rule would:
    Rule.may_fire_on, fragment_ok on fragments, expected rules switched on, registry order."""
    import random

    ruleset = RuleSet(Config())
    words = sorted({w for r in ruleset.all for w in r.requires})
    off = [r.id for r in ruleset.all if r.id not in {x.id for x in ruleset.rules}]  # off by default
    assert off
    draw = random.Random(12)
    for _ in range(400):
        present = frozenset(draw.sample(words, draw.randint(0, 12)))
        expected = tuple(draw.sample(off, min(len(off), draw.randint(0, 2)))) + \
            tuple(draw.sample([r.id for r in ruleset.rules], draw.randint(0, 1)))
        fragment = draw.random() < 0.3
        asked = [r for r in ruleset.rules_for(expected)
                 if (r.fragment_ok or not fragment) and r.may_fire_on(present)]
        assert ruleset.runnable(expected, present, fragment) == asked
    assert ruleset.runnable((), frozenset(), False) == [r for r in ruleset.rules
                                                        if not r.requires and r.checks_instructions]


def test_a_rule_that_checks_no_instructions_finds_nothing_and_is_never_run():
    """The rules the pipeline reports (checks_instructions=False) have checks that only carry their
    page: on every example text they find nothing, so leaving them out of a run changes no result."""
    ruleset = RuleSet(Config())
    reported_elsewhere = [r for r in ruleset.all if not r.checks_instructions]
    assert {r.id for r in reported_elsewhere} >= {"DG003", "DG010", "DG015"}
    assert "DG001" not in {r.id for r in reported_elsewhere}  # parse errors are the parse's own findings
    for text in _texts():
        df = parse(mask_elisions(text)[0])
        assert [_findings(r.loaded(), df) for r in reported_elsewhere] == [[] for _ in reported_elsewhere]
    everything = frozenset(w for r in ruleset.all for w in r.requires)
    assert not set(reported_elsewhere) & set(ruleset.runnable(tuple(r.id for r in reported_elsewhere), everything, False))
