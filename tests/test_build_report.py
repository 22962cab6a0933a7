"""A real build's outcome in the outputs: the result box line, report.json's build and real_build."""

from __future__ import annotations

from snipcheck.records import replace
from pathlib import Path

from spec import RULES

from snipcheck.builder import BuildJob, BuildOutcome, Status
from snipcheck.builder.facts import ImageFacts
from snipcheck.builder.report import BuildReport, findings_for
from snipcheck.checker import check_snippet, with_findings
from snipcheck.config import Config
from snipcheck.report import Report
from snipcheck.report.html import render_result
from snipcheck.report.json import as_dict
from snipcheck.snippets import FenceOptions, snippet_from_dockerfile

ROOTED = ("FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n"
          "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n")


def built_report(outcome):
    snippet = replace(snippet_from_dockerfile("snippets/examples/root.Dockerfile", ROOTED),
                      options=FenceOptions(expect=("DG701",)))
    result = check_snippet(snippet, RULES)
    job = BuildJob("snippets/examples/root.Dockerfile:1", ROOTED, Path("/ctx"), expect_run_ok=False, example="root")
    build = BuildReport(snippet, job, outcome, findings_for(snippet, job, outcome), result.findings)
    result = with_findings(result, build.findings, build=build)
    return Report((result,), (), Config(), (build,), "Docker engine 20.10.24")


def test_the_box_shows_the_measured_facts():
    facts = ImageFacts(2_400_000, 1_100_000, 2, 0, "", measured_at="2026-11-30 01:10 UTC")
    report = built_report(BuildOutcome(Status.OK, "`selfcheck` passed", facts=facts, cached=True))
    html = render_result(report.results[0])
    assert ('<p class="snipcheck-build" data-snipcheck-build="ok">Built for real (2026-11-30 01:10 UTC): 2.4 MB '
            "(1.1 MB compressed), 2 layers, nothing wasted, runs as root (no USER).</p>") in html


def test_report_json_holds_the_build_and_the_contradicted_prediction():
    facts = ImageFacts(2_400_000, 1_100_000, 2, 0, "")
    data = as_dict(built_report(BuildOutcome(Status.OK, "`selfcheck` passed", facts=facts, engine="unix:///a")))
    build = data["snippets"][0]["build"]
    assert (build["status"], build["cached"], build["engine"], build["example"]) == ("ok", False, "unix:///a", "root")
    assert build["facts"]["size"] == 2_400_000
    real = data["real_build"]
    assert (real["tried"], real["cached"], real["engine"]) == (1, 0, "Docker engine 20.10.24")
    assert real["disagreements"] == [{"example": "snippets/examples/root.Dockerfile:1", "rule": "DG701",
                                      "predicted": "the image fails its selfcheck (non-root)",
                                      "happened": "the selfcheck passed", "agrees": False}]


def test_code_spans_in_a_finding_message_render_as_code_and_stay_escaped():
    from snipcheck.report.html import message_html

    assert message_html("`go build` has no cache mount") == "<code>go build</code> has no cache mount"
    assert message_html("copy `<script>alert(1)</script>` & `a`") == \
        "copy <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> &amp; <code>a</code>"
    assert message_html("RUN echo `date is odd") == "RUN echo `date is odd"  # unpaired: left as written
    assert message_html("no code here") == "no code here"
