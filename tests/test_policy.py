"""Policy after the rules: expectations, fragments, suppressions, severities, fail-on."""

import textwrap

import pytest
from spec import RULES

from snipcheck.checker import check_text
from snipcheck.config import Config, ConfigError, from_environment
from snipcheck.model import Severity
from snipcheck.registry import RuleSet
from snipcheck.snippets import FenceOptions

LATEST = "FROM alpine:latest\nUSER 65534:65534\n"


def check(text, **opts):
    return check_text(textwrap.dedent(text), RULES, options=FenceOptions(**opts))


def rules_of(result):
    return sorted(f.rule for f in result.findings)


def test_expected_rule_fires_and_passes_as_bad_example():
    r = check(LATEST, expect=("DG201",))
    assert r.status == "expected" and rules_of(r) == ["DG201"] and r.findings[0].expected


def test_expectation_that_does_not_fire_fails():
    r = check("FROM alpine:3.24\nUSER 65534:65534\n", expect=("DG201",))
    assert r.status == "fail" and rules_of(r) == ["DG004"]


def test_other_rules_on_a_bad_example_still_fail():
    r = check("FROM alpine:latest\nCOPY app /app\nRUN /app --selftest\nENTRYPOINT [\"/app\"]\n", expect=("DG201",))
    assert r.status == "fail" and rules_of(r) == ["DG201", "DG701"]


def test_undeclared_fragment_is_an_excerpt_unless_the_site_requires_declaring_it():
    assert check("EXPOSE 8080\n").status == "pass"
    strict = check_text("EXPOSE 8080\n", RULES, Config(require_fragment_declaration=True))
    assert rules_of(strict) == ["DG007"]


def test_undeclared_fragment_and_declared_fragment():
    assert check("EXPOSE 8080\n", fragment=True).status == "pass"
    assert rules_of(check(LATEST, fragment=True)) == ["DG002", "DG201"]


def test_empty_snippet_is_a_parse_error():
    assert rules_of(check("")) == ["DG001"]


def test_skip_is_not_checked_but_shown():
    r = check("FROM alpine:latest\n", skip="shows syntax only")
    assert r.status == "skipped" and r.findings == ()


@pytest.mark.parametrize("pragma", [
    "# hadolint ignore=DL3007", "# snipcheck: ignore=DG201", "# snipcheck: ignore=image-latest-tag",
    "# hadolint global ignore=DL3007",
])
def test_suppressions_through_ids_names_and_aliases(pragma):
    assert check(f"{pragma}\nFROM alpine:latest\nUSER 65534:65534\n").findings == ()


def test_buildkit_check_skip_directive():
    text = "# check=skip=JSONArgsRecommended\nFROM debian:bookworm-slim\nUSER 65534:65534\nCMD run me\n"
    assert check(text).findings == ()


def test_suppression_only_covers_the_next_instruction():
    r = check("# hadolint ignore=DL3007\nFROM alpine:3.24 AS a\nFROM alpine:latest\nUSER 1:1\n")
    assert ("DG201", 3) in [(f.rule, f.snippet_line) for f in r.findings]
    assert "DG003" in rules_of(r)


def test_unused_and_unknown_suppressions_are_findings():
    r = check("FROM alpine:3.24\n# hadolint ignore=DL3007\nUSER 65534:65534\n# snipcheck: ignore=DG999\nCMD [\"a\"]\n")
    messages = [f.message for f in r.findings if f.rule == "DG003"]
    assert len(messages) == 2 and "unused" in messages[0] and "unknown" in messages[1]


def test_shellcheck_codes_are_valid_hadolint_ignore_targets():
    # hadolint hands SC codes to ShellCheck; snipcheck does not run it, so it judges only the others
    r = check("FROM ubuntu:24.04\n# hadolint ignore=DL3003,SC1035\nRUN cd /tmp && echo hello\nUSER 1:1\n")
    assert "DG003" not in rules_of(r) and "DG207" not in rules_of(r)
    r = check("FROM ubuntu:24.04\n# hadolint ignore=SC2086\nRUN echo $HOME\nUSER 1:1\n")
    assert "DG003" not in rules_of(r)
    r = check("FROM ubuntu:24.04\n# hadolint ignore=DL3007,SC2086\nRUN echo $HOME\nUSER 1:1\n")
    assert [f.message for f in r.findings if f.rule == "DG003"] == [
        "unused suppression: DL3007 did not fire where it applies"]
    r = check("FROM ubuntu:24.04\n# hadolint ignore=SC20866,DL9999\nRUN echo $HOME\nUSER 1:1\n")
    assert "unknown rule(s): SC20866, DL9999" in " ".join(f.message for f in r.findings if f.rule == "DG003")


def test_fail_on_and_severity_override():
    text = "FROM alpine:3.24\nRUN apk add git=2.45.2-r0\nUSER 65534:65534\n"
    assert check_text(text, RULES).status == "pass"  # DG203 is info, below the default fail-on
    strict = Config(fail_on=Severity.INFO)
    assert check_text(text, RuleSet(strict), strict).status == "fail"
    raised = Config(severity={"DG203": Severity.ERROR})
    result = check_text(text, RuleSet(raised), raised)
    assert result.status == "fail" and result.findings[0].severity == Severity.ERROR


def test_select_and_ignore_by_alias():
    ignore = Config(ignore=("DL3007",))
    assert check_text(LATEST, RuleSet(ignore), ignore).findings == ()
    only = Config(select=("DG701",))
    assert [r.id for r in RuleSet(only).rules if not r.id.startswith("DG00")] == ["DG701"]


def test_config_errors_name_the_key():
    with pytest.raises(ConfigError, match="fail_on"):
        Config().with_values({"fail_on": "loud"}, "mkdocs.yml")
    with pytest.raises(ConfigError, match="unknown snipcheck option 'nope'"):
        Config().with_values({"nope": 1}, "mkdocs.yml")
    with pytest.raises(ConfigError, match="DG999"):
        RuleSet(Config(ignore=("DG999",)))


def test_environment_overrides():
    c = from_environment(Config(), {"SNIPCHECK_IGNORE": "DG201,DG701", "SNIPCHECK_FAIL_ON": "error"})
    assert c.ignore == ("DG201", "DG701") and c.fail_on == Severity.ERROR


def test_declared_fragment_may_copy_from_a_stage_defined_elsewhere():
    assert "DG301" not in rules_of(check("COPY --from=build /out/app /app\n", fragment=True))
    assert rules_of(check("COPY --from=build /out/app /app\n")) == []  # an excerpt, by default
    strict = Config(require_fragment_declaration=True)
    assert rules_of(check_text("COPY --from=build /out/app /app\n", RULES, strict)) == ["DG007", "DG301"]


def test_unknown_code_in_a_used_pragma_is_still_reported():
    r = check("FROM debian:bookworm-slim\n# hadolint ignore=crazy,DL3002\nUSER root\n")
    assert [(f.rule, f.snippet_line) for f in r.findings] == [("DG003", 2)]


def test_a_fence_expecting_an_off_by_default_rule_switches_it_on_there():
    off = next(r for r in RULES.all if not r.default_enabled)
    assert off not in RULES.rules
    r = check(off.doc_code("Example"), expect=(off.id,))
    assert r.status == "expected", r.findings
