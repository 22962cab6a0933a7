"""atomicfile.write_atomically, the one way the caches and the measurements file are written."""

import pytest

from snipcheck.atomicfile import TEMP_PREFIX, write_atomically
from snipcheck.checkcache import _write_atomically


def test_writes_replaces_and_makes_the_folder(tmp_path):
    target = tmp_path / "a" / "b" / "entry.json"
    write_atomically(target, "first ü\n")
    assert target.read_text(encoding="utf-8") == "first ü\n"
    write_atomically(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["entry.json"]  # no temp file left behind


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "entry.json"
    write_atomically(target, "old")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "half \ud800 written")  # fails inside the write
    assert target.read_text() == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_an_unwritable_place_raises_for_writers_and_is_a_miss_for_the_check_cache(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(OSError):
        write_atomically(tmp_path / "file" / "entry.json", "x")
    assert _write_atomically(tmp_path / "file" / "entry.json", "x") is False
    assert _write_atomically(tmp_path / "ok" / "entry.json", "x") is True
