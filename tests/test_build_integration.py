"""Real builds through the CLI and through `mkdocs build`: the examples are built with Docker
against the sample app and their selfcheck runs in the image (needs dockerd and the stand-ins,
which `make test` sets up; without an engine these tests fail, they do not skip)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitecopy import ROOT, build, copy_site

pytestmark = [pytest.mark.slow, pytest.mark.docker]
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")


@pytest.fixture(scope="module", autouse=True)
def engine_and_standins():
    result = subprocess.run(["bash", str(ROOT / "tools" / "standins.sh")], cwd=ROOT, capture_output=True,
                            text=True, timeout=1800)
    assert result.returncode == 0, "stand-in images could not be made (is dockerd running? `make system`):\n" + \
        result.stdout[-1500:] + result.stderr[-1500:]


def page(tmp_path, *fences):
    text = "# Planted\n\n" + "\n".join(fences)
    path = tmp_path / "page.md"
    path.write_text(text)
    return path


def snipcheck_build_paths(*paths):
    return subprocess.run([SNIPCHECK, "check", "--build", "--format", "json", "--root", str(ROOT),
                           *map(str, paths)], cwd=ROOT, capture_output=True, text=True, timeout=1800)


def snipcheck_build(path):
    return snipcheck_build_paths(path)


def test_cli_build_runs_good_and_declared_bad_examples(tmp_path):
    path = page(tmp_path,
                '```dockerfile dockerignore="app/.dockerignore"\n--8<-- "examples/distroless-nonroot.Dockerfile"\n```\n',
                '```dockerfile expect="DG401" dockerignore="app/.dockerignore"\n'
                '--8<-- "examples/bad-cgo-scratch.Dockerfile"\n```\n')
    r = snipcheck_build(path)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert "real build: built and ran 2 of 2 buildable snippets" in r.stderr
    good, bad = json.loads(r.stdout)["snippets"]
    assert good["status"] == "pass"
    # what it was built on, pinned: the locked golang and distroless (stand-ins here)
    assert "golang:1.27-trixie@sha256:" in good["build"]["world"], good["build"]
    assert "gcr.io/distroless/static-debian13:nonroot@sha256:" in good["build"]["world"]
    run_failed = [f for f in bad["findings"] if f["rule"] == "DG011"]
    assert run_failed and run_failed[0]["expected"] and "no such file or directory" in run_failed[0]["message"]


def test_cli_build_reports_an_undeclared_runtime_failure(tmp_path):
    path = page(tmp_path, '```dockerfile expect="DG305" dockerignore="app/.dockerignore"\n'
                          '--8<-- "examples/bad-version-undeclared.Dockerfile"\n```\n')
    bare = tmp_path / "Dockerfile"  # a plain Dockerfile is built too; its context is the sample app
    bare.write_text('FROM golang:1.27-trixie AS build\nARG VERSION\nWORKDIR /src\nCOPY . .\n'
                    'RUN CGO_ENABLED=0 go build -ldflags="-X main.version=${VERSION}" -o /out/app .\n'
                    'FROM scratch\nCOPY --from=build /out/app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n')
    r = snipcheck_build_paths(path, bare)
    data = json.loads(r.stdout)
    assert r.returncode == 1
    version, bare = data["snippets"]
    assert any(f["rule"] == "DG011" and f["expected"] and "version" in f["message"] for f in version["findings"])
    failed = [f for f in bare["findings"] if f["rule"] == "DG011"]
    assert bare["status"] == "fail" and failed and not failed[0]["expected"]
    assert "CA" in failed[0]["message"] or "cert" in failed[0]["message"].lower()


def test_mkdocs_build_with_real_builds_passes_strict(tmp_path):
    site = copy_site(tmp_path)
    os.environ["SNIPCHECK_BUILD"] = "1"
    try:
        result = build(site)
    finally:
        del os.environ["SNIPCHECK_BUILD"]
    assert result.returncode == 0, result.stderr[-3000:]
    assert "real build: built and ran" in result.stderr
    report = json.loads((site / "site" / "checks" / "report.json").read_text())
    built = [f for s in report["snippets"] for f in s["findings"] if f["rule"] in ("DG010", "DG011")]
    assert built and all(f["expected"] for f in built)  # only declared bad examples fail for real
