"""The committed measurements file: merged with a real build's facts, written atomically, read back."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from snipcheck.builder import BuildJob, BuildOutcome, Status
from snipcheck.builder.facts import ImageFacts
from snipcheck.builder.report import BuildReport
from snipcheck.measured import MeasurementsError, load, merged, save
from snipcheck.snippets import snippet_from_dockerfile

NOW = datetime.datetime(2026, 11, 30, 1, 10, tzinfo=datetime.timezone.utc)


def built(example, size, measured_at="2026-11-30 01:05 UTC"):
    facts = ImageFacts(size, size // 2, 3, 0, "65534:65534", measured_at=measured_at)
    job = BuildJob(f"docs/p.md:{size}", "FROM scratch\n", Path("/ctx"), example=example)
    return BuildReport(snippet_from_dockerfile("x", "FROM scratch\n"), job,
                       BuildOutcome(Status.OK, facts=facts, engine="unix:///var/run/docker.sock"), ())


def test_fresh_facts_replace_old_ones_and_others_are_kept(tmp_path):
    old = {"measured_at": "2026-11-01 00:00 UTC", "engine": "old", "images": {
        "static-scratch": {"size": 1}, "debian-slim": {"size": 80_000_000}}}
    data = merged(old, [built("static-scratch", 7_900_000), built("", 5)], "Docker 20.10", NOW)
    assert data["measured_at"] == "2026-11-30 01:10 UTC" and data["engine"] == "Docker 20.10"
    assert data["images"]["debian-slim"] == {"size": 80_000_000}
    assert data["images"]["static-scratch"] == {
        "size": 7_900_000, "compressed_size": 3_950_000, "layers": 3, "wasted_bytes": 0, "user": "65534:65534",
        "status": "ok", "measured_at": "2026-11-30 01:05 UTC", "engine": "unix:///var/run/docker.sock"}
    save(tmp_path / "m" / "images.json", data)
    assert load(tmp_path / "m" / "images.json") == data
    assert merged(old, [], "x", NOW) is old  # nothing measured now: unchanged


def test_missing_file_is_empty_and_a_broken_one_names_file_and_line(tmp_path):
    assert load(tmp_path / "none.json") == {}
    (tmp_path / "bad.json").write_text('{\n  "images": [\n')
    with pytest.raises(MeasurementsError, match=r"bad.json:3: invalid JSON"):
        load(tmp_path / "bad.json")
