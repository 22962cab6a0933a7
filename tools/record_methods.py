"""Write hooks/snipcheck/written_methods.py from the methods records.py writes for the package's record
classes (run after adding or changing a record class; tests/test_record_methods.py says when)."""

from __future__ import annotations

import sys
from pathlib import Path

from generated import write_generated
from snipcheck.recordwriter import package_modules, record_methods, written_methods_text

TARGET = Path(__file__).resolve().parent.parent / "hooks" / "snipcheck" / "written_methods.py"


def main() -> int:
    methods = record_methods(package_modules())
    return write_generated(TARGET, written_methods_text(methods), f"{len(methods)} methods")


if __name__ == "__main__":
    sys.exit(main())
