"""Rules of the 'hygiene' group, in order. Each entry is one rule module's function."""

RULES = ()
