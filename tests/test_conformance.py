"""Peer conformance: hadolint's and BuildKit's own test cases, run through the snipcheck CLI by
tools/conformance.py. Every rule snipcheck claims (lists as an alias) must agree on >= 95%."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("snipcheck_conformance", ROOT / "tools" / "conformance.py")
conformance = sys.modules.setdefault("snipcheck_conformance", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(conformance)

CASES = conformance.cases_dir(None)


@pytest.fixture(scope="module")
def results():
    if not any((CASES / name).is_file() for name in conformance.PEERS.values()):
        pytest.skip(f"conformance cases not found at {CASES}: they live outside the repository "
                    f"(../shared/conformance, or $SNIPCHECK_CONFORMANCE)")
    return conformance.evaluate(CASES)


def test_every_claimed_rule_agrees_at_least_95_percent(results):
    failing = conformance.below(results, 95.0)
    assert not failing, "claimed rules below 95% agreement:\n" + "\n".join(failing) + "\n\n" + \
        conformance.render(results, verbose=True)


def test_both_peers_were_run_and_claim_rules(results):
    for peer in conformance.PEERS:
        main = results["peers"][peer]["tables"]["main"]
        assert sum(row["claimed"] for row in main.values()) >= 10, peer


def test_missing_cases_folder_skips_with_a_message(tmp_path, capsys):
    assert conformance.main(["--cases", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out == f"conformance cases not found at {tmp_path / 'absent'}: skipped\n"


def _case(peer, **data):
    return conformance.Case(peer, 1, {"dockerfile": "", "expect": "catch", **data})


def test_agreement_rules():
    dl = {"rule": "DG999", "aliases": ["DL3007"]}
    bk = {"rule": "DG998", "aliases": ["StageNameCasing"]}
    assert conformance.agrees(_case("hadolint", rule="DL3007", match="exactly", count=1), [dl]) == (True, 1)
    assert conformance.agrees(_case("hadolint", rule="DL3007", match="exactly", count=2), [dl]) == (False, 1)
    assert conformance.agrees(_case("hadolint", rule="DL3007", match="at_least_one"), [dl, dl]) == (True, 2)
    assert conformance.agrees(_case("hadolint", rule="DL3007", expect="not", match="exactly"), []) == (True, 0)
    # `*`: no finding from that peer's family; other peers' and snipcheck's own findings do not count
    assert conformance.agrees(_case("buildkit", rule="*", expect="not"), [dl, {"rule": "DG701"}]) == (True, 0)
    assert conformance.agrees(_case("buildkit", rule="*", expect="not"), [bk]) == (False, 1)
    assert conformance.agrees(_case("hadolint", rule="shellcheck"), [{"rule": "DG1", "aliases": ["SC2086"]}])[0]


def test_case_options_are_applied_in_the_file():
    case = _case("buildkit", rule="FromAsCasing", dockerfile="#check=skip=all\nFROM scratch as base\n",
                 FrontendAttrs={"build-arg:BUILDKIT_DOCKERFILE_CHECK": "skip=ConsistentInstructionCasing"})
    assert conformance.dockerfile_text(case) == "# check=skip=ConsistentInstructionCasing\nFROM scratch as base\n"
    case = _case("hadolint", rule="*", dockerfile="# escape=`\nFROM scratch\n", config={"ignoreRules": ["DL3057"]})
    assert conformance.dockerfile_text(case) == "# escape=`\n# hadolint global ignore=DL3057\nFROM scratch\n"
    assert case.category.startswith("config")
