from pathlib import Path

import pytest

from snipcheck.cachedir import cache_folder, cache_root


def test_setting_wins_over_environment():
    assert cache_root("/srv/cache", {"XDG_CACHE_HOME": "/xdg"}) == Path("/srv/cache")


def test_xdg_cache_home_when_absolute():
    assert cache_root("", {"XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/snipcheck")


def test_relative_xdg_is_ignored_as_the_spec_says():
    assert cache_root("", {"XDG_CACHE_HOME": "rel"}) == Path.home() / ".cache" / "snipcheck"


@pytest.mark.parametrize("kind", ["", "../x", ".hidden", "a/b"])
def test_kind_cannot_escape_the_cache(kind):
    with pytest.raises(ValueError):
        cache_folder(kind)
