"""Count rule invocations: every rule's check function wrapped in place, then restored.

Both sets of rule values are wrapped: the catalog's, which a RuleSet runs (their modules are loaded
first, so the wrapper wraps the real check), and the modules' own, which tests may pass in. Rules
are frozen values, so the wrapper is set with object.__setattr__; the real check still runs.
"""

from __future__ import annotations

from contextlib import contextmanager

from snipcheck.rules import ALL_RULES
from snipcheck.rules.catalog import RULES


@contextmanager
def counting_rule_calls():
    """Yields a dict rule ID -> calls, filled while the block runs (in this process)."""
    calls: dict[str, int] = {}
    originals = {rule: rule.loaded().check for rule in (*RULES, *ALL_RULES)}

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
