"""`snipcheck images list|lock` and end of life through the CLI, on a small project of its own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from snipcheck.imagelock import parse

SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
D1 = "sha256:" + "a" * 64
APP = Path(__file__).resolve().parent.parent / "snippets" / "app"


def project(tmp_path, dockerfile: str) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "snippets" / "examples").mkdir(parents=True)
    (tmp_path / "snippets" / "examples" / "one.Dockerfile").write_text(dockerfile)
    return tmp_path


def run(*args, cwd, **env):
    return subprocess.run([SNIPCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env})


def test_list_shows_what_each_example_is_built_on_and_the_lock(tmp_path):
    root = project(tmp_path, "FROM golang:1.27-trixie AS build\nCOPY . .\nFROM scratch\n"
                             "COPY --from=build /go/bin/app /app\n")
    (root / "snippets" / "images.lock").write_text(f"golang:1.27-trixie {D1} linux/amd64 2026-11-30 registry\n")
    proc = run("images", "list", "snippets/examples", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "snippets/examples/one.Dockerfile" in proc.stdout
    assert f"golang:1.27-trixie" in proc.stdout and "locked sha256:aaaaaaaaaaaa… registry" in proc.stdout
    assert proc.stdout.rstrip().endswith("1 example(s), 1 image(s): 1 pinned, 0 unresolved, 0 not locked; "
                                         "0 lock entries that no example names")


def test_list_with_root_reads_that_projects_examples_from_any_folder(tmp_path):
    """`--root DIR` without paths lists DIR's examples (docs, snippets/examples), wherever it is run."""
    (tmp_path / "site").mkdir()
    root = project(tmp_path / "site", "FROM golang:1.27-trixie AS build\nCOPY . .\nFROM scratch\n"
                                      "COPY --from=build /go/bin/app /app\n")
    (root / "snippets" / "images.lock").write_text(f"golang:1.27-trixie {D1} linux/amd64 2026-11-30 registry\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    inside = run("images", "list", cwd=root)
    outside = run("images", "list", "--root", str(root), cwd=elsewhere)
    assert inside.returncode == 0, inside.stderr
    assert (outside.returncode, outside.stdout, outside.stderr) == (0, inside.stdout, inside.stderr)
    assert "snippets/examples/one.Dockerfile" in outside.stdout and "1 pinned" in outside.stdout


def test_list_exits_1_when_an_example_names_an_image_the_lock_lacks_or_the_lock_holds_a_stale_one(tmp_path):
    root = project(tmp_path, "# syntax=docker/dockerfile:1\nFROM golang:1.27-trixie AS build\nCOPY . .\n"
                             "FROM alpine:3.24\nCOPY --from=build /go/bin/app /app\n")
    (root / "snippets" / "images.lock").write_text(
        f"golang:1.27-trixie {D1} linux/amd64 2026-11-30 stand-in\n"
        f"debian:bookworm-slim {D1} linux/amd64 2026-11-30 stand-in\n"
        "alpine:3.24 - linux/amd64 2026-11-30 unresolved  # no stand-in of it\n")
    proc = run("images", "list", cwd=root)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "docker/dockerfile:1" in proc.stdout and "NOT LOCKED: a real build refuses it (DG012)" in proc.stdout
    assert "alpine:3.24                                      unresolved (no stand-in of it)" in proc.stdout
    assert "snippets/images.lock: debian:bookworm-slim is locked, but no example names it" in proc.stdout
    assert "3 image(s): 1 pinned, 1 unresolved, 1 not locked; 1 lock entries that no example names" in proc.stdout
    assert "run `snipcheck images lock`" in proc.stderr


def test_the_sites_lock_lists_exactly_the_images_its_examples_name():
    """The guide moved to Debian 13 once and the lock stayed on Debian 12, unnoticed: this fails then."""
    proc = run("images", "list", cwd=APP.parent.parent)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr
    assert " 0 not locked; 0 lock entries that no example names" in proc.stdout


def test_a_malformed_lock_is_a_clear_error(tmp_path):
    root = project(tmp_path, "FROM debian:trixie-slim\nCOPY . /x\n")
    (root / "snippets" / "images.lock").write_text("debian:trixie-slim latest\n")
    proc = run("images", "list", cwd=root)
    assert proc.returncode == 2 and "snippets/images.lock:1: expected 5 columns" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("image, reported", [
    ("gcr.io/distroless/static-debian12:nonroot", True), ("gcr.io/distroless/static-debian13:nonroot", False),
    ("alpine:3.20", True), ("golang:1.22", True), ("debian:bullseye-slim", True),
    ("alpine:3.24", False), ("golang:1.27", False),
])
def test_end_of_life_on_the_final_from_line(tmp_path, image, reported):
    path = tmp_path / "Dockerfile"
    path.write_text(f"FROM golang:1.27-trixie AS build\nRUN go version\nFROM {image}\n"
                    "COPY --from=build /usr/local/go/VERSION /VERSION\n")
    proc = run("check", "--select", "DG806", str(path), cwd=tmp_path, SNIPCHECK_TODAY="2026-11-29")
    lines = [line for line in proc.stdout.splitlines() if "DG806" in line]
    if reported:
        assert proc.returncode == 1 and len(lines) == 1 and "Dockerfile:3: DG806 warning" in lines[0], proc.stdout
    else:
        assert proc.returncode == 0 and lines == [], proc.stdout


@pytest.mark.docker
@pytest.mark.slow
def test_lock_pins_what_the_examples_name_from_the_standin_registry(tmp_path):
    root = project(tmp_path, "FROM debian:trixie-slim\nCOPY go.mod /x\n")
    (root / "snippets" / "app").symlink_to(APP)
    proc = run("images", "lock", cwd=root, SNIPCHECK_OFFLINE="1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (entry,) = parse((root / "snippets" / "images.lock").read_text()).values()
    assert (entry.reference, entry.kind, entry.platform) == ("debian:trixie-slim", "stand-in", "linux/amd64")
    assert entry.digest.startswith("sha256:") and "local stand-in images" in proc.stdout
    listed = run("images", "list", cwd=root).stdout
    assert f"locked {entry.digest[:19]}… stand-in" in listed


@pytest.mark.docker
@pytest.mark.slow
def test_lock_writes_what_no_registry_serves_as_unresolved_and_drops_what_no_example_names(tmp_path):
    root = project(tmp_path, "FROM golang:1.27-trixie AS build\nCOPY . .\nFROM alpine:3.24\n"
                             "COPY --from=build /go/bin/app /app\n")
    (root / "snippets" / "app").symlink_to(APP)
    (root / "snippets" / "images.lock").write_text(f"debian:bookworm-slim {D1} linux/amd64 2026-11-29 stand-in\n")
    proc = run("images", "lock", cwd=root, SNIPCHECK_OFFLINE="1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    entries = parse((root / "snippets" / "images.lock").read_text())
    assert sorted(entries) == ["alpine:3.24", "golang:1.27-trixie"]  # bookworm: no example names it
    assert "debian:bookworm-slim                             dropped: no example names it" in proc.stdout
    alpine = entries["alpine:3.24"]
    assert alpine.unresolved and alpine.digest == "" and "from Debian packages only" in alpine.reason
    assert entries["golang:1.27-trixie"].kind == "stand-in"
    assert "wrote snippets/images.lock: 2 image(s), 1 unresolved" in proc.stdout
    assert run("images", "list", cwd=root).returncode == 0
    again = run("images", "lock", cwd=root, SNIPCHECK_OFFLINE="1")  # still out of reach: the entry stays as it was
    assert again.returncode == 0 and parse((root / "snippets" / "images.lock").read_text()) == entries
