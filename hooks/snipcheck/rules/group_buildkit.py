"""Rules of the 'buildkit' group, in order. Each entry is one rule module's function."""

RULES = ()
