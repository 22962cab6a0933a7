"""Input an attacker (or an accident) sends that the first hostile-docs suite did not: numbers past
Python's 4,300-digit limit, nesting deeper than the stack, stage chains thousands long, config
files that are not files or hold YAML aliases, lone-CR includes, an unwritable stdout, odd file
names in SARIF. Each ends in a finding or a one-line error naming the file, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from snipcheck.checker import check_text
from snipcheck.config import Config, ConfigError, load_file
from snipcheck.registry import RuleSet
from snipcheck.report.sarif import render as sarif
from snipcheck.run import check_paths
from snipcheck.wholenumbers import HUGE, is_number, whole_number

SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
RULES = RuleSet(Config())
DIGITS = "1" * 4_301  # one more than int() converts


def run_cli(*args, cwd, **kwargs):
    return subprocess.run([SNIPCHECK, "check", "--no-cache", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, **kwargs)


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check_text(text, RULES).findings}


# -- numbers --------------------------------------------------------------------------------------

def test_whole_numbers_clamp_instead_of_raising():
    assert whole_number("65536") == 65536 and whole_number("-3") == -3 and whole_number("007") == 7
    assert whole_number(DIGITS) == HUGE and whole_number("-" + DIGITS) == -HUGE
    assert whole_number("0" * 5_000 + "5") == 5  # leading zeros are not size
    for bad in ("", "-", "²", "1.5", "--1", "x1"):
        with pytest.raises(ValueError):
            whole_number(bad)
    assert not is_number("²") and "²".isdigit()  # what str.isdigit() let through to int()


@pytest.mark.parametrize("dockerfile, rule", [
    (f"FROM alpine:3.24\nEXPOSE {DIGITS}\n", "DG211"),  # port out of range
    (f"FROM alpine:3.24\nEXPOSE 80-{DIGITS}\n", "DG211"),
    (f"FROM alpine:3.24 AS a\nFROM alpine:3.24\nCOPY --from={DIGITS} /a /a\n", "DG301"),  # no such stage
    ("FROM alpine:3.24 AS a\nFROM alpine:3.24\nCOPY --from=² /a /a\n", "DG301"),
    (f"FROM debian:13\nRUN apt-get -q={DIGITS} install -y curl\n", "DG209"),
])
def test_a_number_too_long_for_int_is_a_finding_not_a_crash(dockerfile, rule):
    assert rule in rules_of(dockerfile)


@pytest.mark.parametrize("image", [f"golang:1.{DIGITS}", "golang:1.20000"])
def test_a_go_release_no_calendar_can_date_has_no_end_of_life(image):
    # 1.20000 would end in the year 12013, past what a date holds
    assert "DG806" not in rules_of(f"FROM {image}\nUSER 65534:65534\nCMD [\"/app\"]\n")


def test_an_include_line_range_of_any_length_is_read(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "x.Dockerfile").write_text("FROM alpine:3.24\nUSER 65534:65534\n")
    (tmp_path / "docs" / "a.md").write_text(f'```dockerfile\n--8<-- "x.Dockerfile:1:{DIGITS}"\n```\n'
                                            '\n```dockerfile\n--8<-- "x.Dockerfile:-:1"\n```\n')
    report = check_paths([str(tmp_path / "docs")], tmp_path, Config())
    assert [r.snippet.text for r in report.results] == ["FROM alpine:3.24\nUSER 65534:65534\n", "FROM alpine:3.24\n"]


# -- nesting and size -----------------------------------------------------------------------------

def test_json_form_nested_past_the_stack_is_shell_form():
    deep = "[" * 5_000 + "]" * 5_000
    # not a list of strings: shell form, as BuildKit reads it, and DG107 says to use exec form
    assert rules_of(f"FROM alpine:3.24\nUSER 65534:65534\nCMD {deep}\n") == {"DG107"}


def test_variable_defaults_nested_past_the_stack_stay_as_written():
    arg = "${A:-" * 2_000 + "x" + "}" * 2_000
    found = rules_of(f"ARG X={arg}\nFROM alpine:$X\nUSER 65534:65534\n")
    assert "DG001" not in found  # it parsed, and the rules ran to the end


def test_a_chain_of_thousands_of_stages_is_checked_whole(tmp_path):
    def chain(n: int) -> list[str]:
        path = tmp_path / f"chain{n}.Dockerfile"
        path.write_text("\n".join(["FROM alpine:3.24 AS s0"] + [f"FROM alpine:3.24 AS s{i}\nCOPY --from=s{i - 1} /a /a"
                                                                for i in range(1, n)]) + "\n")
        done = run_cli("--format", "json", str(path), cwd=tmp_path)
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
        return [(f["rule"], f["line"]) for r in json.loads(done.stdout)["snippets"] for f in r["findings"]]

    # /a never exists: the first COPY is reported, the copies of that copy are not; 3,000 stages
    # (past the stack, which the path analysis once recursed through) say what 3 stages say
    last_line = 2 * 3_000 - 2  # the final stage's FROM: it runs as root (DG701) in both
    assert chain(3) == [("DG302", 3), ("DG701", 4)]
    assert chain(3_000) == [("DG302", 3), ("DG701", last_line)]


def test_an_include_with_lone_cr_line_ends_keeps_its_line_numbers(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "cr.Dockerfile").write_bytes(b"FROM alpine:3.24\rUSER 65534:65534\rFROOM x\r")
    (tmp_path / "docs" / "a.md").write_text('```dockerfile\n--8<-- "cr.Dockerfile"\n```\n')
    report = check_paths([str(tmp_path / "docs")], tmp_path, Config())
    where = {(f.file, f.line) for f in report.results[0].findings if f.rule == "DG001"}
    assert where == {("snippets/cr.Dockerfile", 3)}


# -- config files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, needle", [
    ("mkdocs.yml", "site_name: x\nplugins:\n  - snipcheck:\n      max_file_bytes: .inf\n", "max_file_bytes"),
    ("c.toml", "[snipcheck]\nmax_file_bytes = 1e400\n", "max_file_bytes"),
    ("c.toml", "tool = 5\n", "[tool] must be a table"),
    ("c.toml", "[snipcheck]\nselect = [[1]]\n", "expected a list of names"),
    ("mkdocs.yml", "site_name: x\nmarkdown_extensions: 5\n", "`markdown_extensions` must be a list or a mapping"),
    ("mkdocs.yml", "site_name: x\nmarkdown_extensions:\n  - pymdownx.snippets: {base_path: 5}\n", "base_path"),
    ("c.yml", "today: 2024-13-45\n", "'today'"),
    ("c.yml", "select:\n" + "".join(f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9) if i else 'lol'}]\n"
                                    for i in range(9)), "expected a list of names"),
    ("c.yml", "x: &a [1]\nselect: [" + ", ".join(["*a"] * 1_001) + "]\n", "more than 1000 aliases"),
])
def test_a_bad_config_is_a_config_error_naming_the_file(tmp_path, name, text, needle):
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ConfigError) as raised:
        Config().with_values(load_file(str(path)), str(path))
    assert str(path) in str(raised.value) and needle in str(raised.value), raised.value


def test_markdown_extensions_as_a_mapping_is_read_as_mkdocs_reads_it(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions:\n  pymdownx.superfences: {}\n"
                                        "  pymdownx.snippets: {base_path: [inc]}\n")
    assert load_file(str(tmp_path / "mkdocs.yml")) == {"snippets_base": ["inc"]}


def test_an_invalid_date_elsewhere_in_mkdocs_yml_is_not_our_business(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  released: 2024-02-30\n")
    assert load_file(str(tmp_path / "mkdocs.yml")) == {}


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_config_that_is_not_a_regular_file_is_refused_without_reading(tmp_path, special):
    if special == "fifo":
        special = str(tmp_path / "fifo")
        os.mkfifo(special)  # opening it would wait for a writer for ever
    done = run_cli("--config", special, ".", cwd=tmp_path)
    assert done.returncode == 2 and "not a regular file" in done.stderr and "Traceback" not in done.stderr


# -- the command line -----------------------------------------------------------------------------

def test_root_without_mkdocs_yml_uses_the_defaults_and_a_missing_root_is_an_error(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.24\nUSER 65534:65534\n")
    done = run_cli("--root", str(tmp_path), str(tmp_path / "Dockerfile"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    done = run_cli("--root", str(tmp_path / "nope"), str(tmp_path / "Dockerfile"), cwd=tmp_path)
    assert done.returncode == 2 and "--root" in done.stderr and "no such folder" in done.stderr


def test_a_full_stdout_is_exit_2_with_one_line(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.24\nUSER root\nCMD [\"sh\"]\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run([SNIPCHECK, "check", "--no-cache", "Dockerfile"], cwd=tmp_path, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2 and "cannot write to standard output" in done.stderr
    assert "Traceback" not in done.stderr


def test_sarif_names_a_posix_file_with_a_backslash_as_itself(tmp_path):
    (tmp_path / "a\\b.Dockerfile").write_text("FROM alpine:3.24\nUSER root\nCMD [\"sh\"]\n")
    report = check_paths([str(tmp_path / "a\\b.Dockerfile")], tmp_path, Config())
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for run in json.loads(sarif(report))["runs"]
            for result in run["results"] for loc in result["locations"]}
    assert uris == {"a%5Cb.Dockerfile"}
