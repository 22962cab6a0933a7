"""Docs as an attacker writes them (issue 13): paths out of the site, huge files, hostile names.

Every secret here is a canary written under a fresh temporary folder; a test fails if the
canary's text shows up in any output. Docker parts are in test_hostile_builds.py, the report
page in a real browser in test_hostile_site.py.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from snipcheck.cli import FORMATS
from snipcheck.collect import make_reader
from snipcheck.config import Config
from snipcheck.containment import Refused, Roots, decode, locate, read_capped
from snipcheck.escape import markdown_text, terminal, url_path
from snipcheck.report.html import render_result, report_page, report_table
from snipcheck.run import check_paths

SNIPCHECK = str(Path(sys.executable).parent / "snipcheck")
CANARY = "CANARY-7f3a91-not-a-secret"
FORMAT_NAMES = sorted(FORMATS)


@pytest.fixture()
def site(tmp_path):
    """A project (mkdocs.yml, docs/, snippets/) and, beside it, a folder holding the canary."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{CANARY}\nFROM {CANARY}\n")
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.Dockerfile").write_text(f"FROM {CANARY}\n")
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "snippets" / "app").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: hostile\n")
    (root / "snippets" / "ok.Dockerfile").write_text("FROM alpine:3.24\nUSER 65534:65534\n")
    return root


def page(root: Path, body: str, name: str = "page.md") -> Path:
    path = root / "docs" / name
    path.write_text(f"# Page\n\n{body}")
    return path


def run_cli(*args, cwd, env=None, **kwargs):
    return subprocess.run([SNIPCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, **kwargs)


def all_outputs(root: Path, *paths: str) -> dict[str, str]:
    report = check_paths([str(root / p) for p in (paths or ["docs"])], root, Config())
    return {fmt: FORMATS[fmt](report) for fmt in FORMAT_NAMES} | {
        "html": "".join(render_result(r) for r in report.results),
        "report_page": report_page(report, report_table(report, lambda p: "../" + p))}


# -- 1. containment -----------------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "{outside}/secret.txt",  # absolute
    "../../outside/secret.txt",  # climbing out of snippets/
    "../mkdocs.yml",  # inside the project, outside the snippet folders: MkDocs refuses it too
    "/proc/self/environ",
    "/etc/passwd",
    "link.txt",  # a symlink in snippets/ to the canary
    "linkdir/inner.Dockerfile",  # a symlinked folder
])
def test_include_outside_the_allowed_folders_is_refused_without_content(site, target, monkeypatch):
    monkeypatch.setenv("SNIPCHECK_TEST_CANARY", CANARY)  # /proc/self/environ would carry it
    (site / "snippets" / "link.txt").symlink_to(site.parent / "outside" / "secret.txt")
    (site / "snippets" / "linkdir").symlink_to(site.parent / "outside" / "folder")
    include = target.format(outside=site.parent / "outside")
    page(site, f'```dockerfile\n--8<-- "{include}"\n```\n\n--8<-- "{include}"\n')
    outputs = all_outputs(site)
    for fmt, text in outputs.items():
        assert CANARY not in text, fmt
    report = check_paths([str(site / "docs")], site, Config())
    refused = [f for f in report.all_findings() if f.rule == "DG008"]
    assert [(f.file, f.line) for f in refused] == [("docs/page.md", 3), ("docs/page.md", 7)]  # fence, include
    assert all(include in f.message for f in refused)


def test_symlink_inside_the_allowed_folders_is_followed(site):
    (site / "snippets" / "alias.Dockerfile").symlink_to(site / "snippets" / "ok.Dockerfile")
    page(site, '```dockerfile\n--8<-- "alias.Dockerfile"\n```\n')
    report = check_paths([str(site / "docs")], site, Config())
    assert report.ok and report.results[0].snippet.text.startswith("FROM alpine:3.24")


@pytest.mark.parametrize("value", ["{outside}/secret.txt", "../../outside/secret.txt", "link.txt", "/etc/shadow",
                                   "../.git/config"])
def test_dockerignore_option_outside_is_refused(site, value):
    (site / "snippets" / "link.txt").symlink_to(site.parent / "outside" / "secret.txt")
    value = value.format(outside=site.parent / "outside")
    page(site, f'```dockerfile dockerignore="{value}" expect="DG701"\nFROM scratch\nCOPY app /app\n'
               f'ENTRYPOINT ["/app"]\n```\n')
    report = check_paths([str(site / "docs")], site, Config())
    result = report.results[0]
    assert result.snippet.dockerignore_text is None
    assert [f.rule for f in result.failing] == ["DG008"]  # a bad example cannot declare it away
    for fmt, text in all_outputs(site).items():
        assert CANARY not in text, fmt


def test_dockerignore_beside_a_dockerfile_may_not_point_out(site):
    folder = site / "plain"
    folder.mkdir()
    (folder / "Dockerfile").write_text("FROM alpine:3.24\nUSER 1:1\n")
    (folder / ".dockerignore").symlink_to(site.parent / "outside" / "secret.txt")
    report = check_paths([str(site / "plain/Dockerfile")], site, Config())
    assert [f.rule for f in report.results[0].failing] == ["DG008"]
    assert report.results[0].snippet.dockerignore_text is None


def test_locate_follows_pymdownx_lookup_order(site):
    roots = Roots.of([site / "snippets"])
    bases = [site / "snippets"]
    assert locate("ok.Dockerfile", bases, roots) == site / "snippets" / "ok.Dockerfile"
    assert locate("missing", bases, roots) is None
    assert isinstance(locate("../mkdocs.yml", bases, roots), Refused)
    assert isinstance(locate("a\x00b", bases, roots), Refused)
    # a sibling folder whose name shares the prefix is not inside
    (site / "snippets_evil").mkdir()
    (site / "snippets_evil" / "x").write_text(CANARY)
    assert isinstance(locate("../snippets_evil/x", bases, roots), Refused)


# -- 3. limits ---------------------------------------------------------------------------------

def test_huge_sparse_include_stops_at_the_cap(site):
    sparse = site / "snippets" / "huge.Dockerfile"
    with open(sparse, "wb") as fh:
        fh.truncate(8 * 1024 ** 3)  # 8 GiB, no disk used
    page(site, '```dockerfile\n--8<-- "huge.Dockerfile"\n```\n')
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = run_cli("check", "docs", cwd=site)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert r.returncode == 1 and "DG009" in r.stdout and "max_file_bytes" in r.stdout, r.stdout + r.stderr
    assert max(before, peak_kib) < 400 * 1024  # well under what reading 8 GiB would need


def test_read_capped_reads_no_more_than_the_limit(tmp_path):
    f = tmp_path / "big"
    f.write_bytes(b"A" * 5000)
    assert isinstance(read_capped(f, 4999, "big"), Refused)
    assert read_capped(f, 5000, "big") == "A" * 5000
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # would block a plain read forever
    assert isinstance(read_capped(fifo, 10, "fifo"), Refused)


def test_one_file_included_many_times_hits_the_page_limit(site):
    (site / "snippets" / "block.txt").write_text("# " + "x" * 998 + "\n")
    includes = "\n".join('--8<-- "block.txt"' for _ in range(50))
    page(site, f"```dockerfile\nFROM alpine:3.24\n{includes}\nUSER 1:1\n```\n")
    report = check_paths([str(site / "docs")], site, Config(max_page_bytes=20_000))
    refused = [f for f in report.all_findings() if f.rule == "DG009"]
    assert refused and "max_page_bytes" in refused[0].message
    assert len(report.results[0].snippet.text) < 21_000


def test_limits_are_settings_with_env_support(site):
    (site / "snippets" / "mid.Dockerfile").write_text("FROM alpine:3.24\n" + "# pad\n" * 100)
    page(site, '```dockerfile\n--8<-- "mid.Dockerfile"\n```\n')
    r = run_cli("check", "docs", cwd=site, env={"SNIPCHECK_MAX_FILE_BYTES": "100"})
    assert "DG009" in r.stdout and "100 bytes" in r.stdout
    r = run_cli("check", "docs", cwd=site, env={"SNIPCHECK_MAX_FILE_BYTES": "-1"})
    assert r.returncode == 2 and "max_file_bytes" in r.stderr and "Traceback" not in r.stderr


# -- 5. escaping -------------------------------------------------------------------------------

HOSTILE_NAME = "x)[click me](javascript:alert(1))|<img src=x onerror=alert(2)>`\x1b[31mred\x1b]0;t\x07%0A,:.md"


def test_hostile_names_and_values_are_escaped_in_every_format(site):
    name = HOSTILE_NAME
    (site / "snippets" / "inc\x1b[2J,x:y%.Dockerfile").write_text("FROM alpine:latest\n")
    page(site, '```dockerfile title="<script>alert(3)</script>" expect="DG201 DG701"\n'
               '--8<-- "inc\x1b[2J,x:y%.Dockerfile"\n```\n\n'
               '```dockerfile skip="<b>bold</b>\x1b[31m"\nFROM x\n```\n', name=name)
    (site / "docs" / "ok.md").write_text("# ok\n")
    out = all_outputs(site)
    for fmt, text in out.items():
        assert "\x1b" not in text and "\x07" not in text, fmt
    assert "<b>" not in out["html"] and "&lt;b&gt;bold" in out["html"]
    # GitHub workflow commands: one command per line, properties escaped
    for line in out["github"].splitlines():
        if line.startswith("::"):
            props = line.split("::")[1].split(" ", 1)[1]
            fields = dict(p.split("=", 1) for p in props.split(","))
            assert set(fields) == {"file", "line", "title"}
            assert ":" not in fields["file"] and "\n" not in line
    assert json.loads(out["json"])["snippets"][0]["file"] == "docs/" + name  # JSON escapes, and keeps the name
    sarif = json.loads(out["sarif"])
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for res in sarif["runs"][0]["results"]
            for loc in res["locations"]}
    assert uris and all(":" not in u and "(" not in u and " " not in u for u in uris)
    assert all("\\x1b" in line for line in out["text"].splitlines() if "inc" in line)
    # the report page, rendered by Python-Markdown as MkDocs would: no javascript: link, no tag
    rendered = markdown.markdown(out["report_page"], extensions=["tables"])
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript""", rendered, re.I)  # the name is text only
    assert "javascript%3A" in rendered and "<img" not in rendered
    assert rendered.count("<tr>") == 1 + 2 and rendered.count("<td>") == 2 * 4  # no cell or row injected


def test_escape_functions():
    assert terminal("a\x1b[31mb\nc\u202ed") == "a\\x1b[31mb\\nc\\u202ed"
    assert terminal("a\nb", one_line=False) == "a\nb"
    assert url_path("../x)[y](javascript:alert(1)).md") == "../x%29%5By%5D%28javascript%3Aalert%281%29%29.md"
    assert url_path("//evil.example/x").startswith("./")
    rendered = markdown.markdown(markdown_text("[a](javascript:b) *c* `d` <e> | f"))
    assert not any(tag in rendered for tag in ("<a", "<em>", "<code>", "<e>"))
    import html
    assert html.unescape(rendered) == "<p>[a](javascript:b) *c* `d` <e> | f</p>"



def test_terminal_shows_exactly_the_control_characters_and_separators():
    """Every character up to U+3000 against the character class the translate tables stand for."""
    import re

    control = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    text = "".join(map(chr, range(0x3000)))
    for one_line, pattern in ((False, f"[{control}]"), (True, f"[{control}\n\t]")):
        expected = re.sub(pattern, lambda m: {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(
            m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"), text)
        assert terminal(text, one_line=one_line) == expected

# -- 6. bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("config_text,needle", [
    (b"site_name: x\nextra:\n  snipcheck: 5\n", "expected a mapping of snipcheck options"),
    (b"site_name: x\nextra: [1]\n", "`extra` must be a mapping"),
    (b"site_name: x\n# caf\xe9\n", "not UTF-8"),
    (b"- a\n- b\n", "expected a mapping at the top level"),
])
def test_bad_config_is_exit_2_with_the_file_named(site, config_text, needle):
    (site / "mkdocs.yml").write_bytes(config_text)
    page(site, "no fences\n")
    r = run_cli("check", "docs", cwd=site)
    assert r.returncode == 2 and needle in r.stderr and "mkdocs.yml" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_output_into_a_missing_folder_is_exit_2(site):
    page(site, "no fences\n")
    r = run_cli("check", "-o", "no/such/folder/report.json", "docs", cwd=site)
    assert r.returncode == 2 and "no/such/folder" in r.stderr and "Traceback" not in r.stderr


def test_empty_path_argument_is_exit_2(site):
    r = run_cli("check", "", cwd=site)
    assert r.returncode == 2 and "empty path" in r.stderr


def test_non_utf8_page_is_a_finding_naming_file_and_line(site):
    (site / "docs" / "latin1.md").write_bytes(b"# T\n\ncaf\xe9\n")
    r = run_cli("check", "docs", cwd=site)
    assert r.returncode == 1 and "docs/latin1.md:3: DG009" in r.stdout and "Traceback" not in r.stderr


def test_binary_file_given_as_a_path_is_skipped_with_a_note(site):
    binary = site / "Dockerfile"
    binary.write_bytes(Path(sys.executable).resolve().read_bytes()[:4096])
    r = run_cli("check", "Dockerfile", cwd=site)
    assert "note: Dockerfile: skipped" in r.stderr and "binary" in r.stderr
    assert "0 snippet(s)" in r.stdout and "DG001" not in r.stdout


def test_utf16_page_with_bom_is_decoded(site):
    (site / "docs" / "u16.md").write_bytes("# T\n\n```dockerfile\nFROM alpine:latest\nRUN true\nRUN true\nUSER 1:1\n```\n".encode("utf-16"))
    r = run_cli("check", "docs", cwd=site)
    assert "docs/u16.md:4: DG201" in r.stdout and "1 snippet(s)" in r.stdout


def test_bad_utf16_is_refused_clearly():
    assert "not UTF-16" in decode(b"\xff\xfe\x00\xd8", "x").message


def test_unreadable_subfolder_is_a_note_not_a_silent_zero(site):
    locked = site / "docs" / "locked"
    locked.mkdir()
    page(site, "```dockerfile\nFROM alpine:3.24\nUSER 1:1\n```\n", name="locked/p.md")
    locked.chmod(0)
    try:
        # root reads anything; without these capabilities it obeys file modes like any user
        r = subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search", SNIPCHECK, "check", "docs"],
                           cwd=site, capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o755)
    assert "docs/locked: folder skipped, cannot be read: Permission denied" in r.stderr, r.stderr


def test_reader_is_cached_and_contained(site):
    read = make_reader([site / "snippets"], site)
    assert read("ok.Dockerfile")[0] == "snippets/ok.Dockerfile"
    assert isinstance(read("/etc/passwd"), Refused)
