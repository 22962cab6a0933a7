"""Writing a generated source file of the package: only when its text changed, saying which."""

from __future__ import annotations

from pathlib import Path


def write_generated(target: Path, text: str, count: str) -> int:
    """Write `text` to `target` unless it already holds it; print what was done (`count` says what it
    holds, e.g. "104 rules"). Returns the exit status."""
    if target.exists() and target.read_text(encoding="utf-8") == text:
        print(f"{target}: up to date ({count})")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{target}: written ({count})")
    return 0
