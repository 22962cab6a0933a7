"""Bad examples other projects' pages announce in prose: their findings are lowered to info."""

import pytest
from test_excerpts import fence, page_findings

from snipcheck.config import Config
from snipcheck.model import Severity
from snipcheck.prose import lead_in, presented_as_bad


@pytest.mark.parametrize("lead", [
    "❌ Bad: `builder` is declared as a stage name twice.",
    "⛔️ **Shell** form:",
    "But this does not work:",
    "Don't do this:",
    'Do not use the shell form:',
    '=== "Bad: shell form"',
    "Wrong:",
])
def test_lead_ins_that_announce_a_bad_example(lead):
    assert presented_as_bad([lead], "FROM alpine:3.20\n")


@pytest.mark.parametrize("lead", [
    "✅ Good: stages have unique names.",
    "Don't forget to add a USER:",
    "If you don't want to pre-process the files, do this:",
    "Otherwise the installation and update will not work.",
    "Badges are built like this:",
    "For example:",
])
def test_ordinary_lead_ins(lead):
    assert not presented_as_bad([lead], "FROM alpine:3.20\n")


def test_a_first_comment_can_say_it():
    assert presented_as_bad(["For example:"], "# ⛔️ Don't do this\nCMD fastapi run\n")
    assert not presented_as_bad(["For example:"], "# build stage\nFROM golang:1.27\n")


def test_a_heading_above_a_one_line_paragraph_counts_and_another_fence_stops_the_search():
    assert lead_in(["### Don't", "", "Build the binary again.", ""]) == ["### Don't", "Build the binary again."]
    assert lead_in(["```", "", "✅ Good: unique names."]) == ["✅ Good: unique names."]
    assert lead_in(["Some text.", "More text."]) == ["More text."]


BAD_PAGE = "❌ Bad: the base image is not pinned.\n\n" + fence(
    "FROM alpine:latest\nWORKDIR /srv\nCOPY app /srv/app\nUSER 1:1\nCMD [\"/srv/app\"]\n")


def test_findings_in_an_announced_bad_example_are_info():
    found = page_findings(BAD_PAGE, Config())
    latest = [f for f in found if f.rule == "DG201"]
    assert latest and all(f.severity == Severity.INFO for f in latest)
    assert "presents this snippet as a bad example" in latest[0].message


def test_sites_that_declare_bad_examples_keep_them_failing():
    found = page_findings(BAD_PAGE, Config(bad_examples_from_prose=False))
    assert [f.severity for f in found if f.rule == "DG201"] == [Severity.WARNING]
    # a declared expectation is checked exactly as declared, prose or not
    declared = "❌ Bad:\n\n" + fence("FROM alpine:latest\nUSER 1:1\n", 'dockerfile expect="DG201"')
    assert [(f.rule, f.severity, f.expected) for f in page_findings(declared, Config())] == [
        ("DG201", Severity.WARNING, True)]
