"""The real `snipcheck` console script: formats, exit codes, input errors, the seed text."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")


def run(*args, cwd=ROOT):
    return subprocess.run([SNIPCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_clean_dockerfile_exits_0(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.24\nUSER 65534:65534\n")
    r = run("check", str(tmp_path / "Dockerfile"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 snippet(s): 1 passed" in r.stdout


def test_findings_exit_1_with_file_line_rule(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\nUSER 65534:65534\n")
    r = run("check", str(tmp_path / "Dockerfile"))
    assert r.returncode == 1
    assert re.search(r"Dockerfile:1: DG201 warning: alpine:latest", r.stdout)


def test_json_schema(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# T\n\n```dockerfile\nFROM alpine:latest\nCOPY app /app\nUSER 1:1\nENTRYPOINT [\"/app\"]\n```\n")
    r = run("check", "--format", "json", str(page))
    data = json.loads(r.stdout)
    snippet = data["snippets"][0]
    assert {"file", "line", "status", "findings"} <= set(snippet) and snippet["line"] == 3
    finding = snippet["findings"][0]
    assert {"rule", "aliases", "severity", "file", "line", "message"} <= set(finding)
    assert (finding["rule"], finding["line"], finding["aliases"]) == ("DG201", 4, ["DL3007"])
    assert data["summary"]["snippets"] == 1 and data["summary"]["unexpected"] == 1


@pytest.mark.parametrize("args,needle", [
    (["check", "no/such/path.md"], "no such file or folder"),
    (["check", "--select", "DG999", "README.md"], "unknown rule 'DG999'"),
    (["check", "--format", "xml", "README.md"], "argument --format: invalid choice: 'xml'"),
    (["check", "--jobs", "-1", "README.md"], "argument --jobs: -1 is below 0"),
    (["check"], "the following arguments are required: PATHS"),
    (["nope"], "invalid choice: 'nope'"),
])
def test_usage_and_input_errors_exit_2_without_traceback(args, needle):
    r = run(*args)
    assert r.returncode == 2 and needle in r.stderr and "Traceback" not in r.stderr


def test_help_lists_every_command_and_version_names_the_package():
    r = run("--help")
    assert r.returncode == 0 and all(f"    {name} " in r.stdout for name in ("check", "rules", "rule", "images"))
    r = run("images", "--help")
    assert r.returncode == 0 and all(name in r.stdout for name in ("list", "lock", "update"))
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("snipcheck, version ")
    r = run("rules")
    assert r.returncode == 0 and r.stdout.startswith("DG001")


def test_bad_config_file_names_file_and_line(tmp_path):
    cfg = tmp_path / "c.yml"
    cfg.write_text("snipcheck:\n  fail_on: [\n")
    r = run("check", "--config", str(cfg), "README.md")
    assert r.returncode == 2 and f"{cfg}:" in r.stderr and "Traceback" not in r.stderr


def test_rules_and_rule_commands():
    listing = run("rules").stdout
    assert "DG301  copy-from-undefined-stage" in listing
    doc = run("rule", "DL3022")
    assert doc.returncode == 0 and "# DG301 copy-from-undefined-stage" in doc.stdout and "## Use instead" in doc.stdout
    assert run("rule", "nope").returncode == 2


def _line_of(text: str, needle: str, start: int = 0) -> int:
    lines = text.splitlines()
    for n in range(start, len(lines)):
        if needle in lines[n]:
            return n + 1
    raise AssertionError(needle)


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/seed is not beside the checkout")
def test_seed_text_every_fence_found_and_defects_on_their_lines():
    r = run("check", "--format", "json", str(SEED))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    data = json.loads(r.stdout)
    text = next(SEED.glob("*.txt")).read_text()
    fences = len(re.findall(r"^```dockerfile\s*$", text, re.M))
    assert len(data["snippets"]) == fences
    found = {(f["rule"], f["line"]) for s in data["snippets"] for f in s["findings"]}
    assert ("DG201", _line_of(text, "FROM alpine:latest")) in found
    complete = _line_of(text, "## Complete Example")
    build_run = _line_of(text, "RUN --mount", _line_of(text, "COPY . .", complete))
    assert ("DG305", build_run) in found
    assert ("DG610", _line_of(text, "RUN apk del gcc musl-dev go")) in found


def test_the_snipcheck_command_delivers_all_its_output_and_its_exit_status(tmp_path):
    """The installed command ends with os._exit once its output is flushed (cli.console): a long
    report through a pipe arrives whole, the exit status is main()'s, and the cache is written."""

    command = Path(sys.executable).with_name("snipcheck")
    assert command.exists(), command
    env = {**os.environ, "SNIPCHECK_CACHE_DIR": str(tmp_path / "cache")}
    files = []
    for i in range(150):
        path = tmp_path / f"d{i}.Dockerfile"
        path.write_text(f"FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app{i} .\nCMD [\"/app{i}\"]\n")
        files.append(path.name)
    done = subprocess.run([command, "check", "--format", "json", *files], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)  # complete: the whole JSON document parses
    assert len(report["snippets"]) == 150 and all(s["findings"] for s in report["snippets"])
    assert any((tmp_path / "cache").rglob("*")), "the check cache was written before the process ended"

    (tmp_path / "ok.Dockerfile").write_text("FROM scratch\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n")
    clean = subprocess.run([command, "check", "ok.Dockerfile"], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=120)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    usage = subprocess.run([command, "check", "--format", "nope", "ok.Dockerfile"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and "usage:" in usage.stderr

    reader = subprocess.Popen([command, "rules"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    assert reader.stdout.readline()  # take one line and leave, as `| head -1` does
    reader.stdout.close()
    assert reader.wait(timeout=60) in (0, 1)
    assert b"Traceback" not in reader.stderr.read()


def test_signal_handlers_change_only_in_the_main_thread():
    """signals_raise installs its handlers in the main thread and restores them; in another thread,
    where Python refuses new handlers, it runs the body unchanged instead of failing."""
    import signal
    import threading

    from snipcheck.signals import signals_raise

    before = signal.getsignal(signal.SIGTERM)
    with signals_raise():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
    seen = []

    def body():
        with signals_raise():
            seen.append(signal.getsignal(signal.SIGTERM))

    worker = threading.Thread(target=body)
    worker.start()
    worker.join()
    assert seen == [before]
