"""Rules of the 'hadolint' group, in order. Each entry is one rule module's function."""

RULES = ()
