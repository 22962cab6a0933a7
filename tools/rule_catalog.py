"""Write hooks/snipcheck/rules/catalog.py from the rules' @rule declarations (run after adding or
changing a rule; tests/test_rule_catalog.py says when it is needed)."""

from __future__ import annotations

import sys
from pathlib import Path

from snipcheck.rulecatalog import catalog_text
from snipcheck.rules import ALL_RULES

TARGET = Path(__file__).resolve().parent.parent / "hooks" / "snipcheck" / "rules" / "catalog.py"


def main() -> int:
    text = catalog_text(ALL_RULES)
    if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text:
        print(f"{TARGET}: up to date ({len(ALL_RULES)} rules)")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: written ({len(ALL_RULES)} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
