"""Rule predictions against what real builds showed (logic; the real builds are in the Docker tests)."""

from __future__ import annotations

from snipcheck.builder import BuildOutcome, Status
from snipcheck.builder.facts import ImageFacts
from snipcheck.builder.predictions import verdicts

SELFCHECK_NO_CA = "FAIL ca-certificates  no CA certificates\nok   time-zone       Europe/Berlin loaded\n"


def facts(wasted=0, toolchain=()):
    return ImageFacts(size=1, compressed_size=1, layers=2, wasted_bytes=wasted, user="", toolchain=toolchain,
                      wasted_paths=("var/cache/apt/x.deb",) if wasted else ())


def judged(rules, outcome):
    return [(v.rule, v.agrees) for v in verdicts("ex", rules, outcome)]


def test_a_named_selfcheck_failure_confirms_and_another_one_contradicts():
    run_failed = BuildOutcome(Status.RUN_FAILED, "`selfcheck` failed", log_tail=SELFCHECK_NO_CA, facts=facts())
    assert judged(["DG501", "DG502", "DG203"], run_failed) == [("DG501", True), ("DG502", False)]


def test_a_passing_selfcheck_contradicts_a_predicted_run_failure():
    (v,) = verdicts("ex", ["DG701"], BuildOutcome(Status.OK, facts=facts()))
    assert (v.agrees, v.predicted, v.happened) == (False, "the image fails its selfcheck (non-root)",
                                                   "the selfcheck passed")


def test_build_failure_predictions_and_what_a_failed_build_cannot_tell():
    failed = BuildOutcome(Status.BUILD_FAILED, '"/usr/share/zoneinfo" not found')
    assert judged(["DG302", "DG401", "DG610"], failed) == [("DG302", True), ("DG401", None), ("DG610", None)]
    assert judged(["DG302"], BuildOutcome(Status.OK, facts=facts())) == [("DG302", False)]


def test_wasted_bytes_and_toolchain_come_from_the_measured_facts():
    assert judged(["DG610", "DG614"], BuildOutcome(Status.OK, facts=facts(wasted=0, toolchain=()))) == [
        ("DG610", False), ("DG614", False)]
    assert judged(["DG610", "DG614"], BuildOutcome(Status.RUN_FAILED, facts=facts(9, ("usr/local/go/bin/go",)))) \
        == [("DG610", True), ("DG614", True)]


def test_examples_that_were_not_built_give_no_verdict():
    assert verdicts("ex", ["DG501"], BuildOutcome(Status.NOT_BUILT, "image not available: alpine:3.24")) == []
