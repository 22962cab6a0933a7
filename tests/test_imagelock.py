"""snippets/images.lock: readable text, one image a line, errors with file and line."""

import pytest

from snipcheck.imagelock import LockError, LockedImage, digests, parse, render

D1 = "sha256:" + "1" * 64
D2 = "sha256:" + "2" * 64


def test_render_then_parse_gives_the_same_entries():
    entries = {"golang:1.27-trixie": LockedImage("golang:1.27-trixie", D1, "linux/amd64", "2026-11-30", "stand-in"),
               "alpine:3.24": LockedImage("alpine:3.24", D2, "linux/arm64", "2026-11-29", "registry")}
    text = render(entries)
    assert parse(text) == entries
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines[0].split() == ["alpine:3.24", D2, "linux/arm64", "2026-11-29", "registry"]  # sorted
    assert lines[1].endswith("stand-in") and len(lines) == 2
    assert digests(entries) == {"golang:1.27-trixie": D1, "alpine:3.24": D2}


def test_pinned_and_standin():
    entry = LockedImage("debian:trixie-slim", D1, kind="stand-in")
    assert entry.pinned == f"debian:trixie-slim@{D1}" and entry.standin


@pytest.mark.parametrize("line, message", [
    ("golang:1.27 sha256:abc linux/amd64 2026-11-30 registry", "is not a sha256 digest"),
    (f"golang:1.27 {D1} linux/amd64 30.11.2026 registry", "is not YYYY-MM-DD"),
    (f"golang:1.27 {D1} linux/amd64 2026-11-30 imitation", "is not one of registry, stand-in, unresolved"),
    (f"golang:1.27 {D1}", "expected 5 columns"),
])
def test_malformed_lines_name_file_and_line(line, message):
    with pytest.raises(LockError) as info:
        parse(f"# header\n\n{line}\n", "snippets/images.lock")
    assert str(info.value).startswith("snippets/images.lock:3: ") and message in str(info.value)


def test_a_reference_locked_twice_is_an_error():
    line = f"golang:1.27 {D1} linux/amd64 2026-11-30 registry\n"
    with pytest.raises(LockError, match=r":2: golang:1.27 is locked twice"):
        parse(line + line)


def test_an_unresolved_image_is_listed_with_its_reason_and_pins_nothing():
    why = "no registry answered, and the local stand-in registry has no stand-in of it (#2)"
    entries = {"alpine:3.24": LockedImage("alpine:3.24", "", "linux/amd64", "2026-11-30", "unresolved", why),
               "golang:1.27-trixie": LockedImage("golang:1.27-trixie", D1, "linux/amd64", "2026-11-30", "stand-in")}
    text = render(entries)
    line = next(line for line in text.splitlines() if line.startswith("alpine"))
    assert line.split()[:5] == ["alpine:3.24", "-", "linux/amd64", "2026-11-30", "unresolved"]
    assert line.endswith(f"# {why}")
    assert parse(text) == entries and parse(text)["alpine:3.24"].unresolved
    assert digests(entries) == {"golang:1.27-trixie": D1}  # nothing to key a build on


def test_an_unresolved_image_with_a_digest_is_an_error():
    with pytest.raises(LockError, match=r":1: an unresolved image has no digest"):
        parse(f"alpine:3.24 {D1} linux/amd64 2026-11-30 unresolved\n")


def test_load_reads_the_projects_lock(tmp_path):
    from snipcheck.imagelock import load

    assert load(tmp_path) == {}
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "images.lock").write_text(f"golang:1.27 {D1} linux/amd64 2026-11-30 registry\n")
    assert load(tmp_path)["golang:1.27"].digest == D1
