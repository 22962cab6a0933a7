"""The explicit, ordered list of every rule: one package per family, each with its own ordered list.

Adding a rule: one module in its family folder, one line in that family's RULES."""

from . import buildkit, features, flow, go, hadolint, layers, libc, meta, scratch, supply_chain, users

ALL_RULES = (
    *meta.RULES,
    *buildkit.RULES,
    *hadolint.RULES,
    *flow.RULES,
    *go.RULES,
    *scratch.RULES,
    *libc.RULES,
    *layers.RULES,
    *users.RULES,
    *supply_chain.RULES,
    *features.RULES,
)
