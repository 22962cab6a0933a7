"""Snippet.lines is kept as runs (snippets.Lines) and must read exactly as the tuple of Locations it
stands for: every way the checker, the caches and the reports ask it."""

import pickle

from hypothesis import given, strategies as st

from snipcheck.snippets import Lines, Location, Snippet, snippet_from_dockerfile

locations = st.lists(st.builds(Location, st.sampled_from(["page.md", "inc/a.Dockerfile", "b"]),
                               st.integers(min_value=1, max_value=30)), max_size=25)


@given(locations, st.integers(min_value=-30, max_value=30), st.integers(min_value=-5, max_value=30))
def test_lines_read_as_the_tuple_of_locations_they_stand_for(locs, i, j):
    as_tuple, lines = tuple(locs), Lines.of(locs)
    assert len(lines) == len(as_tuple) and tuple(lines) == as_tuple and lines == as_tuple
    assert lines[i:j] == as_tuple[i:j] and lines[::-1] == as_tuple[::-1]
    if -len(as_tuple) <= i < len(as_tuple):
        assert lines[i] == as_tuple[i]
    else:
        try:
            lines[i]
            raise AssertionError("no IndexError")
        except IndexError:
            pass
    for loc in [*as_tuple, Location("page.md", 31), Location("other", 1)]:
        assert (loc in lines) == (loc in as_tuple)
        if loc in as_tuple:
            assert lines.index(loc) == as_tuple.index(loc)
    assert "page.md:1" not in lines  # only Locations are lines
    assert Lines.of(lines) == lines and hash(Lines.of(lines)) == hash(lines)
    assert pickle.loads(pickle.dumps(lines)) == lines  # pool workers receive snippets pickled


def test_a_snippet_given_a_tuple_keeps_runs_and_compares_equal():
    from_tuple = Snippet("FROM a\nRUN b\n", "p.md", Location("p.md", 3), (Location("p.md", 4), Location("p.md", 5)))
    from_runs = Snippet("FROM a\nRUN b\n", "p.md", Location("p.md", 3), Lines([("p.md", 4, 2)]))
    assert isinstance(from_tuple.lines, Lines) and from_tuple.lines.runs == (("p.md", 4, 2),)
    assert from_tuple == from_runs and hash(from_tuple) == hash(from_runs)
    assert from_tuple.location(2) == Location("p.md", 5) and from_tuple.location(9) == Location("p.md", 5)


def test_a_plain_dockerfile_is_one_run_however_long():
    snippet = snippet_from_dockerfile("Dockerfile", "FROM a\n" * 5000)
    assert snippet.lines.runs == (("Dockerfile", 1, 5000),) and snippet.lines[-1] == Location("Dockerfile", 5000)
    assert snippet.is_whole_file


@given(locations, st.builds(Location, st.sampled_from(["page.md", "b"]), st.integers(min_value=1, max_value=30)))
def test_is_whole_file_reads_the_runs_as_it_read_every_line(locs, fence):
    """is_whole_file looks at the runs only (the cache key asks it of every snippet of a build)."""
    as_tuple = tuple(locs)
    expected = bool(as_tuple) and (fence == as_tuple[0] or all(loc.file != fence.file for loc in as_tuple))
    assert Snippet("x", "page.md", fence, Lines.of(locs)).is_whole_file == expected
