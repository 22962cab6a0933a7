"""The real build, for real: a Docker engine, the local stand-in images and a tiny Go app.

No mocks and no skips: without a reachable engine these tests fail and say how to start one
(CI starts dockerd). The stand-ins are made once per session by tools/standins.sh.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from locks import lock_images
from spec import RULES

from snipcheck.builder.world import choose
from snipcheck.config import Config
from snipcheck.builder import BuildJob, DockerBuilder, Status, build_snippets, findings_for, summary
from snipcheck.builder.docker import default_docker
from snipcheck.checker import check_snippet
from snipcheck.markdown import extract
from snipcheck.rules.meta.build_failed import build_failed
from snipcheck.rules.meta.run_failed import run_failed
from snipcheck.snippets import snippet_from_dockerfile

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "builder"
APP = FIXTURES / "app"
TIMINGS: dict[str, float] = {}

pytestmark = [pytest.mark.slow, pytest.mark.docker]


@pytest.fixture(scope="session")
def builder():
    """A DockerBuilder on a running engine with the stand-in images in place."""
    docker = default_docker()
    try:
        info = subprocess.run([docker, "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True)
    except FileNotFoundError as exc:
        info = subprocess.CompletedProcess([], 127, "", str(exc))
    if info.returncode != 0:
        pytest.fail(f"the real-build tests need a Docker engine: `{docker} info` failed:\n{info.stderr.strip()}\n"
                    "start one with `dockerd >/tmp/dockerd.log 2>&1 &` (CI does), then run tools/standins.sh",
                    pytrace=False)
    start = time.monotonic()
    made = subprocess.run(["bash", str(ROOT / "tools" / "standins.sh")], capture_output=True, text=True,
                          timeout=3600)
    if made.returncode != 0:
        pytest.fail(f"tools/standins.sh failed:\n{made.stdout}\n{made.stderr}", pytrace=False)
    TIMINGS["standins.sh"] = time.monotonic() - start
    with DockerBuilder(docker, world=choose(Config(offline=True))) as b:
        yield b
    print("\nreal-build timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMINGS.items()))


def build(builder, name: str, text: str | None = None, version: str = "test-1", **job):
    text = text if text is not None else (FIXTURES / f"{name}.Dockerfile").read_text()
    start = time.monotonic()
    outcome = builder.build_and_run(BuildJob(name, text, APP, (("VERSION", version),), **job))
    TIMINGS[name] = time.monotonic() - start
    return outcome


def test_scratch_with_ca_bundle_zoneinfo_and_numeric_user_passes(builder):
    outcome = build(builder, "scratch-static", version="test-7")
    assert outcome.status is Status.OK, outcome
    assert "ok   version test-7" in outcome.log_tail
    assert 1_000_000 < outcome.image_size < 30_000_000  # a static Go binary plus certs and zoneinfo
    assert outcome.build_seconds > 0 and outcome.run_seconds > 0
    assert outcome.notes and "built-in frontend" in outcome.notes[0] and "docker/dockerfile:1" in outcome.notes[0]


def test_cgo_left_on_with_scratch_final_cannot_start(builder):
    outcome = build(builder, "scratch-cgo")
    assert outcome.status is Status.RUN_FAILED, outcome
    assert "no such file or directory" in outcome.reason
    assert outcome.exit_code != 0 and outcome.image_size


def test_forgotten_arg_version_builds_but_reports_an_empty_version(builder):
    outcome = build(builder, "arg-forgotten")
    assert outcome.status is Status.RUN_FAILED, outcome
    assert "FAIL version: empty" in outcome.reason
    assert "ok   non-root" in outcome.log_tail  # distroless :nonroot stand-in runs as 65532


def test_user_by_name_on_scratch_fails_at_run(builder):
    outcome = build(builder, "user-nobody")
    assert outcome.status is Status.RUN_FAILED, outcome
    assert "unable to find user nobody" in outcome.reason


def test_selfcheck_replaces_the_entrypoints_own_arguments(builder):
    outcome = build(builder, "entrypoint-serve")
    assert outcome.status is Status.OK, outcome  # not a 30 s timeout of `serve`
    assert outcome.notes == ("replaced the ENTRYPOINT's own arguments `serve` with `selfcheck`",)


def test_alpine_snippet_is_not_built_here(builder):
    outcome = build(builder, "alpine")
    assert outcome.status is Status.NOT_BUILT
    assert outcome.reason == "image not available: golang:1.27-alpine, alpine:3.20"


def test_heredoc_snippet_needs_a_newer_frontend(builder):
    outcome = build(builder, "heredoc")
    assert outcome.status is Status.NOT_BUILT
    assert outcome.reason.startswith("needs ") and "dockerfile frontend 1.4 (heredoc, line 5)" in outcome.reason


def test_build_failure_points_at_the_failing_instruction(builder):
    outcome = build(builder, "missing-go-sum")
    assert outcome.status is Status.BUILD_FAILED, outcome
    assert outcome.failed_step == "[build 3/6] COPY go.mod go.sum ./"
    assert outcome.failed_line == 3
    assert '"/go.sum" not found' in outcome.reason


@pytest.mark.parametrize("rule", [build_failed, run_failed], ids=lambda r: r.id)
def test_rule_doc_example_fails_for_real_and_use_instead_passes(builder, rule):
    """pylint's bad.py/good.py, built: the docstring's Example gives the rule, Use instead is clean."""
    for heading, want in (("Example", {rule.id}), ("Use instead", set())):
        text = re.search(r"^```dockerfile\n(.*?)^```", rule.doc_code(heading), re.S | re.M).group(1)
        snippet = snippet_from_dockerfile(f"{rule.id}.md", text)
        job = BuildJob(f"{rule.id} {heading}", text, APP, (("VERSION", "test-doc"),))
        start = time.monotonic()
        outcome = builder.build_and_run(job)
        TIMINGS[f"{rule.id} {heading}"] = time.monotonic() - start
        assert {f.rule for f in findings_for(snippet, job, outcome)} == want, outcome


def test_build_snippets_from_a_page(builder, tmp_path):
    """Markdown page -> snippets -> checks -> real build -> findings and summary, end to end."""
    shutil.copytree(APP, tmp_path / "snippets" / "app")
    (tmp_path / "snippets" / "app.dockerignore").write_text("*\n!go.mod\n!*.go\n")
    lock = lock_images(tmp_path, "docker/dockerfile:1", "golang:1.27", "golang:1.27-alpine", "alpine:3.20")
    assert [ref for ref, e in lock.items() if e.unresolved] == ["docker/dockerfile:1", "golang:1.27-alpine",
                                                                "alpine:3.20"]  # no stand-ins of these
    good = (FIXTURES / "scratch-static.Dockerfile").read_text()
    cgo = (FIXTURES / "scratch-cgo.Dockerfile").read_text()
    page = (f'```dockerfile dockerignore="app.dockerignore"\n{good}```\n\n'
            f'```dockerfile expect="DG401"\n{cgo}```\n\n'
            "```dockerfile fragment\nCOPY . .\n```\n\n"
            f'```dockerfile\n{(FIXTURES / "alpine.Dockerfile").read_text()}```\n')
    snippets, problems = extract("docs/page.md", page, lambda name: None, RULES.ids)
    assert not problems
    results = [check_snippet(s, RULES) for s in snippets]
    start = time.monotonic()
    reports = build_snippets(snippets, results, tmp_path, builder)
    TIMINGS["page of 4 snippets"] = time.monotonic() - start

    assert [r.job.name for r in reports] == ["docs/page.md:1", "docs/page.md:19", "docs/page.md:39"]
    assert [r.outcome.status for r in reports] == [Status.OK, Status.RUN_FAILED, Status.NOT_BUILT]
    assert f"ok   version {reports[0].job.build_arg_dict['VERSION']}" in reports[0].outcome.log_tail
    (cgo_finding,) = reports[1].findings
    assert (cgo_finding.rule, cgo_finding.expected, str(cgo_finding.location)) == ("DG011", True, "docs/page.md:19")
    assert not any(r.failing for r in reports)
    text = summary(reports, builder.describe())
    assert text.startswith("real build: built and ran 2 of 3 buildable snippets; 1 run-failed (1 expected: bad "
                           "examples); 1 not built here: image not available: alpine:3.20 (1), golang:1.27-alpine (1); "
                           "0 from cache, 3 built now")
    assert "Go 1." in text and "MB" in text


def test_the_fences_dockerignore_replaces_the_contexts_own(builder, tmp_path):
    context = tmp_path / "app"
    shutil.copytree(APP, context)
    (context / ".dockerignore").write_text("*.go\n")
    (context / "secret.txt").write_text("do not ship\n")
    text = ("FROM debian:bookworm-slim\nCOPY . /ctx/\nRUN test -e /ctx/main.go && test ! -e /ctx/secret.txt\n"
            'ENTRYPOINT ["true"]\n')
    job = BuildJob("dockerignore", text, context, dockerignore="secret.txt\n")
    assert builder.build_and_run(job).status is Status.OK
    without = builder.build_and_run(BuildJob("own dockerignore", text, context))
    assert without.status is Status.BUILD_FAILED and without.failed_line == 3, without


def test_nothing_is_left_behind(builder):
    docker = builder.docker
    for listing in (["ps", "-aq"], ["image", "ls", "-q"]):  # this builder's own: peers may be building now
        left = subprocess.run([docker, *listing, "--filter", f"label=snipcheck.build.run={builder._run_id}"],
                              capture_output=True,
                              text=True).stdout.split()
        assert left == [], f"left behind by the builder: docker {' '.join(listing)} -> {left}"
