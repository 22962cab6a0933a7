"""patterns.LazyPattern: compiled on first use, then the compiled pattern's own methods; and
RuleSet.load_all leaves none uncompiled (a timed pass or a forked worker compiles nothing)."""

import re

import pytest

from snipcheck import patterns
from snipcheck.config import Config
from snipcheck.patterns import LazyPattern, compile_declared
from snipcheck.registry import RuleSet


def test_it_compiles_on_first_use_and_then_is_the_compiled_patterns_methods():
    lazy = LazyPattern(r"(\w+)=(\d+)", re.I)
    assert "search" not in vars(lazy)
    assert lazy.search("x A=1").groups() == ("A", "1")
    compiled = re.compile(r"(\w+)=(\d+)", re.I)
    assert lazy.search == compiled.search and lazy.sub == compiled.sub  # bound to the same (cached) pattern
    assert lazy.findall("a=1 b=2") == [("a", "1"), ("b", "2")]
    assert lazy.sub(r"\2", "k=3") == "3" and lazy.pattern == r"(\w+)=(\d+)"
    assert [m.group(1) for m in lazy.finditer("a=1, b=2")] == ["a", "b"] and lazy.fullmatch("a=1")


@pytest.mark.parametrize("method,args", [("match", ("ab",)), ("fullmatch", ("ab",)), ("search", ("xab",)),
                                         ("sub", ("-", "ab")), ("subn", ("-", "ab")), ("split", ("xaby",)),
                                         ("findall", ("abab",)), ("finditer", ("ab",))])
def test_each_method_compiles_first(method, args):
    lazy, compiled = LazyPattern("a(b)"), re.compile("a(b)")
    got, expected = getattr(lazy, method)(*args), getattr(compiled, method)(*args)
    if method in ("match", "fullmatch", "search"):
        got, expected = got.span(), expected.span()
    if method == "finditer":
        got, expected = [m.span() for m in got], [m.span() for m in expected]
    assert got == expected and getattr(lazy, method) == getattr(compiled, method)


def test_it_shows_its_pattern():
    assert repr(LazyPattern("x")) == "LazyPattern('x', 0)"


def test_compile_declared_compiles_what_is_not_yet():
    lazy = LazyPattern("declared")
    compile_declared()
    assert "match" in vars(lazy)


def test_load_all_leaves_no_pattern_to_compile_on_first_use():
    RuleSet(Config()).load_all()
    from snipcheck import checker, textkind  # noqa: F401 (the core's own lazy patterns, too)

    RuleSet(Config()).load_all()
    assert patterns._DECLARED and all("match" in vars(lazy) for lazy in patterns._DECLARED)
    from snipcheck.rules.buildkit import support

    assert "match" in vars(support._REFERENCE)
