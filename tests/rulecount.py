"""Count rule invocations: every registered rule's check function wrapped in place, then restored.

Rules are frozen values, so the wrapper is set with object.__setattr__; the real check still runs.
"""

from __future__ import annotations

from contextlib import contextmanager

from snipcheck.rules import ALL_RULES


@contextmanager
def counting_rule_calls():
    """Yields a dict rule ID -> calls, filled while the block runs (in this process)."""
    calls: dict[str, int] = {}
    originals = {rule: rule.check for rule in ALL_RULES}

    def counted(rule, check):
        def wrapper(df, ctx):
            calls[rule.id] = calls.get(rule.id, 0) + 1
            return check(df, ctx)
        wrapper.__doc__ = check.__doc__
        return wrapper

    for rule, check in originals.items():
        object.__setattr__(rule, "check", counted(rule, check))
    try:
        yield calls
    finally:
        for rule, check in originals.items():
            object.__setattr__(rule, "check", check)
