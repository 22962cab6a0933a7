"""Numbers declared as measured in the guide's text, against the measurements (DG016)."""

from __future__ import annotations

import pytest

from snipcheck.claims import check_claims, find_claims, parse_quantity, render_claims

DATA = {"measured_at": "2026-11-30 01:00 UTC", "engine": "Docker 20.10.24",
        "images": {"static-scratch": {"size": 7_931_000, "compressed_size": 3_200_000, "layers": 3,
                                      "wasted_bytes": 0, "user": "65534:65534"}}}


def problems(text):
    return [(p.rule, p.location.line, p.message) for p in check_claims("docs/size.md", text, DATA)]


@pytest.mark.parametrize("text", [
    'It is [7.9 MB]{measured="static-scratch.size"} unpacked.',
    'It is [7.56 MiB]{measured="static-scratch.size"}.',
    'About [3.0 MB]{measured="static-scratch.compressed_size"} to pull, [3 layers]{measured="static-scratch.layers"}.',
    'Nothing wasted: [0 B]{measured="static-scratch.wasted_bytes"}, user [65534:65534]{measured="static-scratch.user"}.',
    'Within 10%: [8.7 MB]{measured="static-scratch.size"}.',
])
def test_claims_that_agree_within_ten_percent(text):
    assert problems(text) == []


def test_a_claim_more_than_ten_percent_off_is_dg012_at_its_line():
    (rule, line, message), = problems('# Sizes\n\nThe image is [6.4 MB]{measured="static-scratch.size"}.\n')
    assert (rule, line) == ("DG016", 3)
    assert message == ("the text says 6.4 MB for `static-scratch.size`, the real build measured 7.9 MB "
                       "(19% off; allowed: 10%)")


@pytest.mark.parametrize("text, says", [
    ('[7.9 MB]{measured="nope.size"}', "no measurement of example 'nope'"),
    ('[7.9 MB]{measured="static-scratch.weight"}', "unknown fact 'weight'"),
    ('[big]{measured="static-scratch.size"}', "cannot read 'big'"),
    ('[root]{measured="static-scratch.user"}', "runs as 'root'"),
    ('[2 layers]{measured="static-scratch.layers"}', "measured 3 layers"),
])
def test_wrong_names_units_and_users_are_findings_too(text, says):
    (rule, _, message), = problems(text)
    assert rule == "DG016" and says in message


def test_units():
    assert parse_quantity("7.9 MB", "size") == pytest.approx(7.9e6)
    assert parse_quantity("1,024 KiB", "size") == 1024 * 1024
    assert parse_quantity("3", "layers") == 3 and parse_quantity("3 MB", "layers") is None


def test_rendering_keeps_the_number_and_shows_the_measurement():
    text = 'It is [7.9 MB]{measured="static-scratch.size"} unpacked.'
    html = render_claims(text, DATA)
    assert html.startswith('It is <span class="snipcheck-measured" title="measured: 7.9 MB (7,931,000 bytes), '
                           '2026-11-30 01:00 UTC"') and html.endswith(">7.9 MB</span> unpacked.")
    assert [c.text for c in find_claims(text)] == ["7.9 MB"]


def test_markers_shown_as_code_are_examples_not_claims():
    text = ('Write `[1 MB]{measured="static-scratch.size"}` like this:\n\n'
            '```markdown\nThe image is [6.4 MB]{measured="static-scratch.size"}.\n```\n\n'
            '~~~~\n[1 B]{measured="nope.size"}\n~~~~\n'
            'But this one counts: [1 MB]{measured="static-scratch.size"}.\n')
    assert [c.line for c in find_claims(text)] == [10]
    rendered = render_claims(text, DATA)
    assert rendered.count("snipcheck-measured") == 1 and '[6.4 MB]{measured="static-scratch.size"}' in rendered


def test_the_rule_pages_example_fails_and_use_instead_passes():
    from spec import RULES

    rule = RULES.get("DG016")
    assert [p.rule for p in check_claims("example.md", rule.doc_code("Example"), DATA)] == ["DG016"]
    assert check_claims("example.md", rule.doc_code("Use instead"), DATA) == []
