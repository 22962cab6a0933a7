"""The explicit, ordered list of every rule: one package per family, each with its ordered
RULE_MODULES.

Adding a rule: one module in its family folder, one line in that family's RULE_MODULES, then
`python tools/rule_catalog.py` (rules/catalog.py lets a run import only the rules it may use).

`ALL_RULES` imports every rule module when first asked for; importing this package imports none.
"""

from __future__ import annotations

import importlib

FAMILIES = ("meta", "buildkit", "hadolint", "flow", "go", "scratch", "libc", "layers", "users", "supply_chain",
            "features")


def _all_rules() -> tuple:
    rules = []
    for family in FAMILIES:
        package = importlib.import_module(f"{__name__}.{family}")
        for name in package.RULE_MODULES:
            rules.append(getattr(importlib.import_module(f"{package.__name__}.{name}"), name))
    return tuple(rules)


def __getattr__(name: str):
    if name == "ALL_RULES":
        globals()["ALL_RULES"] = rules = _all_rules()
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
