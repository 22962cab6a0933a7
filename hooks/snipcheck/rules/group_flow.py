"""Rules of the 'flow' group, in order. Each entry is one rule module's function."""

RULES = ()
