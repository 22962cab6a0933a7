"""Build progress: one updating line on a terminal, sparse lines elsewhere, nothing when quiet."""

from __future__ import annotations

import io

from snipcheck.builder.progress import Progress, for_log, for_terminal


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_sparse_lines_first_and_last_and_at_most_one_per_interval():
    lines, clock = [], Clock()
    p = Progress(lambda line, final: lines.append((line, final)), every=10, clock=clock)
    p.start(total=30, cached=20)
    for n in range(10):
        clock.now += 1.5
        p.started(f"ex{n}.md:1", "unix:///a.sock")
        p.finished(f"ex{n}.md:1", failed=n == 3)
    assert lines[0] == ("real build: 20/30 examples, 20 from cache", False)
    assert lines[-1] == ("real build: 30/30 examples, 20 from cache, 1 failed", True)
    assert len(lines) == 3  # 15 s of work at one line per 10 s at most, plus the first and last
    assert "building ex" in lines[1][0] and "on unix:///a.sock" in lines[1][0]


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_terminal_rewrites_one_line_and_ends_it():
    out = Tty()
    p = for_terminal(out)
    p.start(2, 0)
    p.started("a.md:1")
    p.finished("a.md:1")
    p.started("b.md:1")
    p.finished("b.md:1")
    text = out.getvalue()
    assert text.count("\r\033[K") == 5 and text.count("\n") == 1 and text.endswith("2/2 examples, 0 from cache\n")


def test_pipe_gets_whole_lines_and_quiet_gets_nothing():
    out = io.StringIO()
    p = for_terminal(out)
    p.start(1, 0)
    p.finished("a.md:1")
    assert out.getvalue().splitlines() == ["real build: 0/1 examples, 0 from cache",
                                           "real build: 1/1 examples, 0 from cache"]
    assert for_terminal(out, quiet=True) is None and for_log(print, quiet=True) is None
