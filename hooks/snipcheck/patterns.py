"""Regular expressions that most runs never use, compiled the first time one is: Earthfile and
shell-session lines, exec-form shell syntax, Go sources, image references, key files...

Compiling costs far more than a small run spends matching: checking one 12-line Dockerfile
compiled about 85 patterns, 27 of them never used. RuleSet.load_all compiles every declared
pattern (compile_declared), so a process that checks many snippets, or forks workers to, pays
once before it starts, as it did when they were compiled on import.
"""

from __future__ import annotations

import re

_DECLARED: list[LazyPattern] = []
_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


def _compiling_first(name: str):
    def method(self, *args):
        return getattr(self.compile(), name)(*args)

    method.__name__ = method.__qualname__ = name
    return method


class LazyPattern:
    """`re.compile(pattern, flags)` on the first call of one of its matching methods (match, search,
    sub, findall...), which from then on are the compiled pattern's own, set on the instance: later
    calls cost what they would on the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        _DECLARED.append(self)

    def compile(self) -> re.Pattern:
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))  # found before the class's methods below
        return compiled

    # Until the first compile, each of these compiles, then answers as the compiled pattern.
    match, fullmatch, search, sub, subn, split, findall, finditer = map(_compiling_first, _METHODS)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def compile_declared() -> None:
    """Compile every pattern declared so far (by the modules imported so far) that is not yet."""
    for lazy in _DECLARED:
        if "match" not in vars(lazy):
            lazy.compile()
