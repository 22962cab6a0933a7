"""The real build's pure logic: which snippets become jobs, what the engine lacks, how BuildKit's
log and the outcomes map to findings. A fake builder stands in for Docker here (the real path
is tested for real in test_builder.py)."""

from __future__ import annotations

import textwrap
from snipcheck.records import replace
from pathlib import Path

import pytest
from spec import RULES

from snipcheck.builder import BuildJob, BuildOutcome, Status, build_snippets, findings_for, plan_jobs, summary
from snipcheck.builder.docker import run_command
from snipcheck.builder.buildlog import failed_step, frontend_too_old, missing_image, step_line
from snipcheck.builder.plan import (drop_syntax_line, external_images, is_buildable, newer_frontend_needed,
                                    stable_version)
from snipcheck.checker import check_snippet
from snipcheck.imagelock import LockedImage
from snipcheck.parser import parse
from snipcheck.snippets import FenceOptions, snippet_from_dockerfile

APP = """\
FROM golang:1.27 AS build
WORKDIR /src
COPY go.mod *.go ./
RUN CGO_ENABLED=0 go build -o /out/app .
FROM scratch
COPY --from=build /out/app /app
"""


def snippet(text: str, **options):
    return replace(snippet_from_dockerfile("docs/p.md", textwrap.dedent(text)), options=FenceOptions(**options))


def buildable(text: str, **options) -> bool:
    s = snippet(text, **options)
    return is_buildable(s, check_snippet(s, RULES).status)


# --- which snippets are built

def test_complete_snippet_copying_from_the_app_is_buildable():
    assert buildable(APP)


@pytest.mark.parametrize("text, options", [
    ("COPY . .\n", {"fragment": True}),  # fragment
    (APP, {"skip": "shows a newer syntax"}),  # skipped
    ("FROM golang:1.27\nRUN go version\n", {}),  # nothing from the context
    ("FROM scratch\nCOPY --from=golang:1.27 /usr/local/go/bin/go /go\n", {}),  # only from an image
    ("FROM debian:bookworm-slim\nADD https://example.com/app.tar.gz /app/\n", {}),  # a URL
    ("FROM debian:bookworm-slim\nCOPY <<EOF /etc/motd\nhello\nEOF\n", {}),  # a heredoc
    ("FROM golang:1.27\nRUN <<EOF\ngo version\n", {}),  # parse error (unterminated heredoc)
])
def test_not_buildable(text, options):
    assert not buildable(text, **options)


@pytest.mark.parametrize("mount", ["--mount=target=.", "--mount=type=bind,target=/src,source=."])
def test_bind_mount_of_the_context_counts(mount):
    assert buildable(f"FROM golang:1.27\nWORKDIR /src\nRUN {mount} go build -o /app .\n")


def test_bind_mount_from_a_stage_does_not_count():
    assert not buildable("FROM golang:1.27 AS b\nFROM b\nRUN --mount=type=bind,from=b,target=/x true\n")


def test_plan_versions_come_from_the_text_and_bad_examples_are_marked():
    other = APP.replace("/app", "/server")
    snippets = [snippet(APP), snippet("COPY . .\n", fragment=True), snippet(other, expect=("DG401",))]
    results = [check_snippet(s, RULES) for s in snippets]
    jobs = plan_jobs(snippets, results, Path("/ctx"))
    assert [(j.build_args, j.expect_run_ok, j.context) for _, j in jobs] == [
        ((("VERSION", stable_version(APP)),), True, Path("/ctx")),
        ((("VERSION", stable_version(other)),), False, Path("/ctx"))]
    # adding an example before another does not change the later one's version (nor its cache key)
    (_, first), = plan_jobs(snippets[2:], results[2:], Path("/ctx"))
    assert first.build_args == jobs[1][1].build_args and stable_version(APP) != stable_version(other)
    assert jobs[0][1].name == "docs/p.md:1" and jobs[0][1].run_args == ("selfcheck",)


def test_plan_reads_the_fences_dockerignore():
    s = snippet(APP, dockerignore="app/.dockerignore")
    (_, job), = plan_jobs([s], [check_snippet(s, RULES)], Path("/ctx"), {"app/.dockerignore": "*.md\n"}.get)
    assert job.dockerignore == "*.md\n" and not job.not_buildable
    (_, missing), = plan_jobs([s], [check_snippet(s, RULES)], Path("/ctx"))
    assert missing.not_buildable == "the fence's dockerignore file 'app/.dockerignore' was not found"


# --- what the engine's built-in frontend (Dockerfile 1.2) lacks

@pytest.mark.parametrize("line, want", [
    ("COPY --link go.mod ./", "needs dockerfile frontend 1.4 (COPY --link, line 2)"),
    ("COPY --exclude=*.md . .", "needs dockerfile frontend 1.19 (COPY --exclude, line 2)"),
    ("RUN --network=none go build", "needs dockerfile frontend 1.3 (RUN --network, line 2)"),
    ("RUN <<EOF\ngo build\nEOF", "needs dockerfile frontend 1.4 (heredoc, line 2)"),
    ("COPY --chmod=0755 app /app", None),
    ("RUN --mount=type=cache,target=/root/.cache/go-build go build", None),
])
def test_newer_frontend_needed(line, want):
    assert newer_frontend_needed(parse(f"FROM golang:1.27\n{line}\n")) == want


def test_external_images_skip_stages_scratch_and_resolve_global_args():
    df = parse("ARG GO=1.27\nFROM golang:${GO} AS build\nFROM build AS test\nFROM scratch\n"
               "COPY --from=build /a /a\nCOPY --from=gcr.io/distroless/static-debian12 /etc/passwd /etc/\n"
               "FROM $UNSET\n")
    assert external_images(df) == ["golang:1.27", "gcr.io/distroless/static-debian12"]


def test_drop_syntax_line_keeps_line_numbers():
    assert drop_syntax_line("# syntax=docker/dockerfile:1\nFROM scratch\n") == ("\nFROM scratch\n",
                                                                                 "docker/dockerfile:1")
    with_escape = "# syntax=docker/dockerfile:1\n# escape=`\nFROM scratch\n"
    assert drop_syntax_line(with_escape)[0] == "# escape=`\nFROM scratch\n"
    assert drop_syntax_line(APP) == (APP, None)


# --- BuildKit's plain log (20.10), as recorded

COPY_FAILED = """\
#9 [build 3/6] COPY go.mod go.sum ./
#9 sha256:c66d937fa301566f354333eb8ff12bb2aadb6660603714300de74e050ef73e69
#9 ERROR: "/go.sum" not found: not found
------
 > [build 3/6] COPY go.mod go.sum ./:
------
failed to compute cache key: "/go.sum" not found: not found
"""
RUN_FAILED = """\
#5 [2/3] WORKDIR /src
#5 CACHED

#6 [3/3] RUN go build  -o /app .
#6 sha256:8117d14bb6995f913c53c7a97db6c0c9ae38ce7c93fca1516ea497fee3226b07
#6 0.547 # command-line-arguments
#6 0.547 ./m.go:2:15: undefined: x
#6 ERROR: executor failed running [/bin/sh -c go build  -o /app .]: exit code: 1
------
 > [3/3] RUN go build  -o /app .:
------
executor failed running [/bin/sh -c go build  -o /app .]: exit code: 1
"""
NO_IMAGE = """\
#3 [internal] load metadata for docker.io/library/alpine:3.20
#3 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": dial tcp
#4 [internal] load metadata for docker.io/library/golang:1.27-alpine
#4 CANCELED
------
failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request
"""


def test_failed_step_reads_the_erroring_vertex():
    step = failed_step(RUN_FAILED)
    assert step.name == "[3/3] RUN go build  -o /app ."
    assert step.tail.splitlines()[:2] == ["# command-line-arguments", "./m.go:2:15: undefined: x"]
    assert step.error == "executor failed running [/bin/sh -c go build  -o /app .]: exit code: 1"
    assert failed_step(COPY_FAILED).error == 'failed to compute cache key: "/go.sum" not found: not found'


def test_missing_image_and_old_frontend_are_recognised():
    assert missing_image(failed_step(NO_IMAGE)) == "alpine:3.20"
    assert missing_image(failed_step(COPY_FAILED)) is None
    unknown = "failed to create LLB definition: dockerfile parse error line 2: Unknown flag: parents\n"
    assert "unknown flag --parents" in frontend_too_old(failed_step(unknown))


def test_step_line_maps_back_to_the_snippet():
    df = parse("FROM golang:1.27 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go build \\\n    -o /app .\n"
               "FROM scratch\nCOPY --from=build /app /app\n")
    assert step_line(df, "[build 3/6] COPY go.mod go.sum ./") == 3
    assert step_line(df, "[build 4/6] RUN go build     -o /app .") == 4
    assert step_line(df, "[stage-1 1/1] COPY --from=build /app /app") == 7
    assert step_line(df, "exporting to image") == 0


# --- outcomes -> findings and summary

def job(**kw):
    return BuildJob("docs/p.md:1", APP, Path("/ctx"), (("VERSION", "test-1"),), **kw)


def test_build_failure_is_dg010_at_the_failing_line():
    out = BuildOutcome(Status.BUILD_FAILED, '"/go.sum" not found', failed_step="[build 3/6] COPY go.sum ./",
                       failed_line=3)
    (f,) = findings_for(snippet(APP), job(), out)
    assert (f.rule, f.name, str(f.location), f.expected) == ("DG010", "build-failed", "docs/p.md:3", False)
    assert f.message == 'docker build failed at `[build 3/6] COPY go.sum ./`: "/go.sum" not found'


def test_run_failure_is_dg011_expected_for_a_bad_example():
    out = BuildOutcome(Status.RUN_FAILED, "`selfcheck` failed (exit code 1): exec /app: no such file or directory")
    (f,) = findings_for(snippet(APP, expect=("DG401",)), job(expect_run_ok=False), out)
    assert (f.rule, f.expected, f.location.line) == ("DG011", True, 1)


def test_not_built_gives_no_finding_and_a_passing_bad_example_that_expects_dg011_gives_dg004():
    assert findings_for(snippet(APP), job(), BuildOutcome(Status.NOT_BUILT, "image not available: alpine")) == ()
    (f,) = findings_for(snippet(APP, expect=("DG011",)), job(expect_run_ok=False), BuildOutcome(Status.OK))
    assert f.rule == "DG004"


class FakeBuilder:
    """Answers from a table keyed by the Dockerfile's first line."""

    def __init__(self, answers):
        self.answers, self.jobs = answers, []

    def build_and_run(self, job):
        self.jobs.append(job)
        return self.answers[job.dockerfile.splitlines()[0]]


def test_build_snippets_and_summary(tmp_path):
    (tmp_path / "snippets" / "app").mkdir(parents=True)
    alpine = "FROM alpine:3.20\nCOPY app /app\n"
    snippets = [snippet(APP), snippet(alpine), snippet("COPY . .\n", fragment=True)]
    fake = FakeBuilder({"FROM golang:1.27 AS build": BuildOutcome(Status.OK, "`selfcheck` passed",
                                                                   image_size=7_900_000, build_seconds=2.0,
                                                                   run_seconds=0.4),
                        "FROM alpine:3.20": BuildOutcome(Status.NOT_BUILT, "image not available: alpine:3.20")})
    lock = {"golang:1.27": LockedImage("golang:1.27", "sha256:" + "1" * 64),
            "alpine:3.20": LockedImage("alpine:3.20", "", kind="unresolved", reason="no stand-in")}
    reports = build_snippets(snippets, [check_snippet(s, RULES) for s in snippets], tmp_path, fake, lock=lock)
    assert [j.context for j in fake.jobs] == [tmp_path / "snippets" / "app"] * 2
    assert summary(reports) == (
        "real build: built and ran 1 of 2 buildable snippets; 1 not built here: image not available: alpine:3.20 (1); "
        "0 from cache, 2 built now\n"
        "  docs/p.md:1: ok, 7.9 MB, build 2.0 s + run 0.4 s: `selfcheck` passed\n"
        "  docs/p.md:1: not-built: image not available: alpine:3.20")


# --- how selfcheck is passed to an image

@pytest.mark.parametrize("config, want", [
    ({"Entrypoint": ["/app"], "Cmd": ["serve"]}, (None, ["selfcheck"])),
    ({"Cmd": ["/app", "serve"]}, (None, ["/app", "selfcheck"])),
    ({"Entrypoint": ["/app", "serve"]}, ("/app", ["selfcheck"])),
    ({"Entrypoint": ["/sbin/tini", "--", "/app", "serve"]}, ("/sbin/tini", ["--", "/app", "selfcheck"])),
    ({"Entrypoint": ["/bin/sh", "-c", "/app serve"]}, ("/bin/sh", ["-c", "/app selfcheck"])),
    ({"Cmd": ["/bin/sh", "-c", "exec /app serve"]}, (None, ["/bin/sh", "-c", "exec /app selfcheck"])),
    ({}, (None, ["selfcheck"])),
])
def test_run_command(config, want):
    assert run_command(config, ("selfcheck",))[:2] == want


def test_build_snippets_refuses_what_the_projects_lock_lacks(tmp_path):
    """Without `lock=`, the project's own snippets/images.lock decides: here it has no golang."""
    (tmp_path / "snippets" / "app").mkdir(parents=True)
    (tmp_path / "snippets" / "images.lock").write_text(f"golang:1.26 sha256:{'1' * 64} linux/amd64 2026-11-30 registry\n")
    fake = FakeBuilder({})
    (report,) = build_snippets([snippet(APP)], [], tmp_path, fake)
    assert fake.jobs == [] and report.outcome.status is Status.REFUSED
    assert "golang:1.27 (line 1)" in report.outcome.reason and "`snipcheck images lock`" in report.outcome.reason
    assert [f.rule for f in report.findings] == ["DG012"]


def test_build_snippets_needs_the_sample_app(tmp_path):
    with pytest.raises(FileNotFoundError, match="no sample app"):
        build_snippets([snippet(APP)], [], tmp_path, FakeBuilder({}))
