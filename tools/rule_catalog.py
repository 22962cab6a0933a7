"""Write hooks/snipcheck/rules/catalog.py from the rules' @rule declarations (run after adding or
changing a rule; tests/test_rule_catalog.py says when it is needed)."""

from __future__ import annotations

import sys
from pathlib import Path

from generated import write_generated
from snipcheck.rulecatalog import catalog_text
from snipcheck.rules import ALL_RULES

TARGET = Path(__file__).resolve().parent.parent / "hooks" / "snipcheck" / "rules" / "catalog.py"


def main() -> int:
    return write_generated(TARGET, catalog_text(ALL_RULES), f"{len(ALL_RULES)} rules")


if __name__ == "__main__":
    sys.exit(main())
