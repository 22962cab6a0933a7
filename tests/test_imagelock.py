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
    (f"golang:1.27 {D1} linux/amd64 2026-11-30 imitation", "is not one of registry, stand-in"),
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
