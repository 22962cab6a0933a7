"""Hypothesis strategies for mutated Dockerfiles and Markdown pages, and the property that the whole
pipeline (markdown.extract -> checker.check_snippet -> every reporter) must hold on them.

Shared by tests/test_fuzz.py (1,000 examples) and tools/fuzz.py (`make fuzz`, 100,000 examples).
The corpus is read at run time: the Dockerfiles of docs/, snippets/ and the rule docstrings.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from snipcheck.checker import check_snippet
from snipcheck.cli import FORMATS
from snipcheck.collect import is_dockerfile, read_text
from snipcheck.config import Config
from snipcheck.markdown import extract
from snipcheck.parser import parse
from snipcheck.excerpts import mask_elisions, placeholder_words
from snipcheck.pragmas import suppressions
from snipcheck.registry import RuleSet
from snipcheck.report import Report, page_finding
from snipcheck.report.html import render_result, report_page, report_table
from snipcheck.snippets import snippet_from_dockerfile

ROOT = Path(__file__).resolve().parents[1]
RULESET = RuleSet()
CONFIG = Config()
PAGE = "docs/fuzz.md"
INCLUDE_BASE = "snippets"
HUGE_LINE = 8_000  # longest generated line: long enough to matter, short enough for 100,000 examples
TIME_LIMIT = 60  # seconds per example: a hang fails the property instead of stalling the run

_SEEDS = (
    "FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 65534:65534\nENTRYPOINT [\"/bin/sh\"]\n",
    "# syntax=docker/dockerfile:1\nFROM golang:1.24 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\n"
    "RUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\n"
    "RUN CGO_ENABLED=0 go build -ldflags=\"-s -w\" -o /out/app .\n\n"
    "FROM scratch\nCOPY --from=build /out/app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n",
    "FROM debian:bookworm-slim\nRUN <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\n"
    "rm -rf /var/lib/apt/lists/*\nEOF\nCOPY <<-EOT /etc/motd\n\thello\nEOT\nUSER nobody\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    c:\\\n",
    "ARG BASE=alpine:3.20\nFROM ${BASE} AS base\nARG VERSION\nENV A=1 B=\"two words\"\n"
    "RUN echo $VERSION \\\n  # a comment inside\n  && echo done\nONBUILD RUN make\nHEALTHCHECK CMD [\"/bin/true\"]\n",
)


# -- corpus ------------------------------------------------------------------------------------------

def _read_include(name: str):
    path = ROOT / INCLUDE_BASE / name
    return (f"{INCLUDE_BASE}/{name}", read_text(path)) if path.is_file() else None


@lru_cache(maxsize=1)
def corpus() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Dockerfiles, Markdown pages) taken from docs/, snippets/ and the rule docstrings."""
    dockerfiles: list[str] = list(_SEEDS)
    pages: list[str] = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = read_text(path)
        pages.append(text)
        dockerfiles.extend(s.text for s in extract(str(path), text, _read_include)[0])
    for path in sorted((ROOT / INCLUDE_BASE).rglob("*")):
        if path.is_file() and is_dockerfile(path):
            dockerfiles.append(read_text(path))
    for rule in RULESET.all:
        for heading in ("Example", "Use instead"):
            code = rule.doc_code(heading)
            if not code:
                continue
            if rule.doc_language(heading) == "markdown":
                pages.append(code)
                dockerfiles.extend(s.text for s in extract("doc.md", code, _read_include)[0])
            else:
                dockerfiles.append(code)
    return tuple(dict.fromkeys(d for d in dockerfiles if d.strip())), tuple(dict.fromkeys(pages))


# -- Dockerfile mutations -----------------------------------------------------------------------------

_KEYWORDS = ("FROM", "RUN", "COPY", "ADD", "ARG", "ENV", "USER", "WORKDIR", "CMD", "ENTRYPOINT", "ONBUILD",
             "HEALTHCHECK", "SHELL", "EXPOSE", "LABEL", "VOLUME", "STOPSIGNAL", "MAINTAINER", "from", "Run", "FRUM")
_FLAGS = ("--mount=type=cache,target=/root/.cache", "--mount=type=bind,from=build,source=/x,target=/y",
          "--mount=type=secret,id=tok", "--mount=", "--mount", "--network=none", "--from=build", "--from=",
          "--chown=65534:65534", "--chmod=0755", "--link", "--exclude=*.md", "--platform=$BUILDPLATFORM",
          "--checksum=sha256:abc", "--", "--=", "--security=insecure", "--interval=5s")
_DIRECTIVES = ("# escape=`", "# escape=\\", "# escape=x", "# escape=", "# syntax=docker/dockerfile:1",
               "# syntax=", "#syntax=docker/dockerfile:1.7-labs", "# check=skip=all",
               "# check=skip=JSONArgsRecommended",
               "# check=error=true", "# hadolint global ignore=DL3007", "# snipcheck: ignore=DG201",
               "# hadolint ignore=DL1000", "# check=skip=UndefinedVar // why")
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_JUNK = st.binary(max_size=64).map(lambda b: b.decode("utf-8", errors="replace"))
_WORDS = st.sampled_from(("$X", "${X}", "${X:-d}", "${", "$", "'", '"', "`", "\\", "&&", "|", "<<EOF", "<<-'E'",
                          "[", "]", '["a",', "=", "#", "\t", " ", "golang:1.24", "scratch", "AS", "as", "build",
                          "\x00", "\ufeff", "\u2028", "-ldflags=-w -s", "CGO_ENABLED=1", "apk", "add", "rm -rf /x"))


def _line(draw) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(_TEXT)
    if kind == 1:
        return draw(_JUNK)
    words = draw(st.lists(st.one_of(_WORDS, st.sampled_from(_FLAGS), _TEXT), max_size=8))
    return " ".join([draw(st.sampled_from(_KEYWORDS)), *words])


def _mutate(draw, lines: list[str]) -> list[str]:
    op = draw(st.integers(0, 13))
    at = draw(st.integers(0, len(lines))) if lines else 0
    if op == 0 and lines:  # delete a line
        return lines[:at] + lines[at + 1:]
    if op == 1 and lines:  # duplicate a line
        i = min(at, len(lines) - 1)
        return lines[: i + 1] + lines[i:]
    if op == 2 and len(lines) > 1:  # swap two lines
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        lines = list(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return lines
    if op == 3:  # random bytes (NUL, invalid UTF-8 decoded with errors=replace) inside a line
        junk = draw(_JUNK) + draw(st.sampled_from(("\x00", "\ufffd", "\r", "\x1b[31m", "")))
        if lines and draw(st.booleans()):
            i = min(at, len(lines) - 1)
            cut = draw(st.integers(0, len(lines[i])))
            return lines[:i] + [lines[i][:cut] + junk + lines[i][cut:]] + lines[i + 1:]
        return lines[:at] + [junk] + lines[at:]
    if op == 4 and lines:  # unbalanced quote
        i = min(at, len(lines) - 1)
        cut = draw(st.integers(0, len(lines[i])))
        return lines[:i] + [lines[i][:cut] + draw(st.sampled_from('"\'`[{')) + lines[i][cut:]] + lines[i + 1:]
    if op == 5:  # lone escape at the end of the file
        return lines + [draw(st.sampled_from(("\\", "RUN echo \\", "RUN echo `", "\\ \t", "RUN a \\", "")))]
    if op == 6:  # heredoc without terminator
        head = draw(st.sampled_from(("RUN <<EOF", "RUN <<-EOF cat", "COPY <<A <<B /x", "RUN <<'EOF'", "RUN 0<<EOF")))
        return lines[:at] + [head, "echo body"] + draw(st.lists(_TEXT, max_size=3))
    if op == 7:  # huge line (test_fuzz.py checks a 100,000-character one directly)
        size = draw(st.integers(1_000, HUGE_LINE))
        word = draw(st.sampled_from(("x", "$X ", "\\\\", "a b ", "'q' ")))
        return lines[:at] + ["RUN echo " + (word * size)[:size]] + lines[at:]
    if op == 8:  # random flags
        return lines[:at] + [" ".join((draw(st.sampled_from(("RUN", "COPY", "ADD", "FROM"))),
                                        *draw(st.lists(st.sampled_from(_FLAGS), min_size=1, max_size=4)),
                                        draw(_TEXT)))] + lines[at:]
    if op == 9:  # parser directives, at the top or anywhere
        directive = draw(st.sampled_from(_DIRECTIVES))
        return [directive] + lines if draw(st.booleans()) else lines[:at] + [directive] + lines[at:]
    if op == 10:  # an arbitrary generated line
        return lines[:at] + [_line(draw)] + lines[at:]
    if op == 11:  # continuation lines, empty and commented, inside an instruction
        return lines[:at] + ["RUN a \\", draw(st.sampled_from(("", "# c", "  ", "\\"))), "  b"] + lines[at:]
    if op == 12 and lines:  # change case or indentation of a line
        i = min(at, len(lines) - 1)
        change = draw(st.sampled_from((str.lower, str.upper, str.strip)))
        return lines[:i] + [draw(st.sampled_from(("\t", "  ", ""))) + change(lines[i])] + lines[i + 1:]
    return lines[:at] + [draw(_TEXT)] + lines[at:]


@st.composite
def dockerfiles(draw) -> str:
    """A Dockerfile from the corpus (or none at all), mutated a few times."""
    base = draw(st.sampled_from(corpus()[0])) if draw(st.integers(0, 9)) else ""
    lines = base.split("\n")
    for _ in range(draw(st.integers(0, 6))):
        lines = _mutate(draw, lines)
    text = "\n".join(lines)
    ending = draw(st.sampled_from(("", "\n", "\r\n", "\n\n")))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("\n", "\r\n")
    return text + ending


# -- Markdown mutations ------------------------------------------------------------------------------

_LANGS = ("dockerfile", "Dockerfile", "docker", "DOCKERFILE", "python", "", "dockerfile.", "dockerfile{")
_OPTIONS = ("", ' expect="DG201"', ' expect="DG201 DG301"', " expect=DG201", ' expect=""', ' expect="NOPE1"',
            " fragment", ' fragment="yes"', ' skip="not built here"', " skip", ' title="Dockerfile"', " title=x",
            ' hl_lines="1 3"', " linenums=\"1\"", ' bogus="1"', ' no_tls', ' dockerignore="missing/.dockerignore"',
            ' dockerignore="examples/no-markdown.dockerignore"', ' expect="DG201" skip="both"', ' "unclosed',
            " {.dockerfile expect=\"DG201\"}", " {: .x }")
_CONTAINERS = ("list", "ordered", "admonition", "details", "tab", "quote", "tabindent", "bad-indent")


def _fence(draw, body: str, closed: bool) -> list[str]:
    char = draw(st.sampled_from("`~"))
    size = draw(st.integers(3, 5))
    fence = char * size
    lang = draw(st.sampled_from(_LANGS[:3])) if draw(st.integers(0, 3)) else draw(st.sampled_from(_LANGS))
    options = draw(st.sampled_from(_OPTIONS)) if draw(st.integers(0, 3)) else draw(_TEXT)
    if draw(st.integers(0, 7)) == 0:
        opening = f"{fence}{{.{lang or 'dockerfile'}{options}}}"
    else:
        opening = f"{fence}{draw(st.sampled_from(('', ' ')))}{lang}{options}"
    lines = [opening, *body.split("\n")]
    if closed:
        closing = draw(st.sampled_from((fence, fence + char, fence[:-1], fence + "  ", " " + fence, fence + " x")))
        lines.append(fence if draw(st.integers(0, 5)) else closing)
    return lines


def _contain(draw, lines: list[str], depth: int = 0) -> list[str]:
    if depth > 1 or draw(st.integers(0, 2)) == 0:
        return lines
    kind = draw(st.sampled_from(_CONTAINERS))
    indent = {"list": "  ", "ordered": "   ", "tabindent": "\t", "bad-indent": "   "}.get(kind, "    ")
    if kind == "quote":
        head, inner = [], [">" + draw(st.sampled_from((" ", "", " > "))) + line for line in lines]
    else:
        head = {"list": ["- item", ""], "ordered": ["1. step", ""], "admonition": ['!!! note "Note"', ""],
                "details": ["??? tip", ""], "tab": ['=== "Tab"', ""], "tabindent": ['=== "Tab"', ""],
                "bad-indent": ["!!! warning", ""]}[kind]
        inner = [(indent + line) if line.strip() or draw(st.booleans()) else line for line in lines]
        if draw(st.integers(0, 5)) == 0 and len(inner) > 2:  # one line with the wrong indentation
            i = draw(st.integers(1, len(inner) - 1))
            inner[i] = inner[i].lstrip(" \t")
    return _contain(draw, head + inner, depth + 1)


def _include_line(draw, names: list[str]) -> list[str]:
    name = draw(st.sampled_from([*names, "missing.txt", "../escape.txt", "", "dir/",
                                 "examples/no-markdown.dockerignore"]))
    suffix = draw(st.sampled_from(("", ":1:3", ":2", "::-1", ":-2:", ":sec", ":nosuch", ":0:0", ":x:y")))
    style = draw(st.integers(0, 4))
    if style == 0:
        return ["--8<--", f"{name}{suffix}", "--8<--"]
    if style == 1:
        return [f';--8<-- "{name}"']
    if style == 2:
        return ["--8<--", name]  # block without its closing marker
    return [f'{draw(st.sampled_from(("", "  ", "    ")))}--8<-- "{name}{suffix}"']


@st.composite
def include_files(draw) -> dict[str, str]:
    """Files under snippets/ that pages may include: Dockerfiles, random text, sections, self-includes."""
    files = {}
    for name in draw(st.lists(st.sampled_from(("inc.Dockerfile", "part.txt", "self.txt", "a/b.md", "loop1.txt")),
                              max_size=4, unique=True)):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            files[name] = draw(dockerfiles())
        elif kind == 1:
            files[name] = draw(_JUNK) + "\n" + draw(_TEXT)
        elif kind == 2:
            end = draw(st.sampled_from(("\n--8<-- [end:sec]\n", "")))
            files[name] = "--8<-- [start:sec]\n" + draw(dockerfiles()) + end
        elif kind == 3:
            files[name] = f'--8<-- "{draw(st.sampled_from(("self.txt", "loop1.txt", name)))}"\n'
        else:
            files[name] = "```dockerfile\n" + draw(dockerfiles()) + draw(st.sampled_from(("\n```\n", "")))
    return files


@st.composite
def markdown_pages(draw) -> tuple[str, dict[str, str]]:
    """A Markdown page with Dockerfile fences in many shapes, plus the files it may include."""
    includes = draw(include_files())
    names = sorted(includes)
    out: list[str] = []
    fm = draw(st.integers(0, 4))
    if fm == 1:
        out += ["---", "title: Fuzz", "tags: [a, b]", "---"]
    elif fm == 2:
        out += ["---", "title: never closed"]
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 7))
        if kind <= 2:
            out += _contain(draw, _fence(draw, draw(dockerfiles()), closed=True))
        elif kind == 3:
            out += _contain(draw, _fence(draw, draw(dockerfiles()), closed=False))
        elif kind == 4:
            body = "\n".join(_include_line(draw, names)) if names or draw(st.booleans()) else ""
            out += _contain(draw, _fence(draw, body, closed=draw(st.integers(0, 4)) > 0))
        elif kind == 5:
            out += _include_line(draw, names)
        elif kind == 6 and corpus()[1]:
            out += draw(st.sampled_from(corpus()[1])).split("\n")
        else:
            out += [draw(_TEXT), ""]
        out.append("")
    page = "\n".join(out)
    if draw(st.integers(0, 9)) == 0:
        page = page.replace("\n", "\r\n")
    if draw(st.integers(0, 19)) == 0:
        page = "\ufeff" + page
    return page, includes


# -- hostile pages: file names, fence options and include paths against a real file system ----------

CANARY = "CANARY-fuzz-0b7e-not-a-secret"
_HOSTILE_PATHS = ("/etc/passwd", "/proc/self/environ", "../outside/secret.txt", "../../outside/secret.txt",
                  "leak.txt", "leakdir/inner.txt", "ok.Dockerfile", "./ok.Dockerfile", "sub/../ok.Dockerfile",
                  "sub/../../outside/secret.txt", "//etc/passwd", "ok.Dockerfile/", "fifo", "sub", "",
                  "ok.Dockerfile\x00", "%2e%2e/outside/secret.txt", "~/x", "C:\\x", "file:///etc/passwd")
_NAME_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00")
_OPTION_KEYS = ("expect", "skip", "dockerignore", "network", "title", "fragment", "no_tls", "hl_lines", "x-y")


@lru_cache(maxsize=1)
def hostile_project() -> Path:
    """A project folder (made once) whose snippets/ holds a good file, a FIFO, and symlinks to a canary
    outside; the canary must never appear in any output."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="snipcheck-fuzz-"))
    atexit.register(shutil.rmtree, base, ignore_errors=True)  # this exact folder, when the test process ends
    (base / "outside" / "dir").mkdir(parents=True)
    (base / "outside" / "secret.txt").write_text(f"FROM {CANARY}\n")
    (base / "outside" / "dir" / "inner.txt").write_text(CANARY + "\n")
    snippets = base / "project" / "snippets"
    (snippets / "sub").mkdir(parents=True)
    (base / "project" / "docs").mkdir()
    (snippets / "ok.Dockerfile").write_text("FROM alpine:3.20\nUSER 65534:65534\n")
    (snippets / "leak.txt").symlink_to(base / "outside" / "secret.txt")
    (snippets / "leakdir").symlink_to(base / "outside" / "dir")
    os.mkfifo(snippets / "fifo")
    return base / "project"


def _hostile_value(draw) -> str:
    return draw(st.one_of(st.sampled_from(_HOSTILE_PATHS), _TEXT,
                          st.builds(lambda a, b: a + b, st.sampled_from(_HOSTILE_PATHS), _TEXT)))


@st.composite
def hostile_pages(draw) -> tuple[str, str]:
    """(page file name, page text): fuzzed names, fence options with hostile values, hostile includes."""
    name = draw(st.text(_NAME_CHARS, min_size=1, max_size=40)) + draw(st.sampled_from((".md", "", ".txt")))
    out: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        options = ""
        for _ in range(draw(st.integers(0, 3))):
            key, quote = draw(st.sampled_from(_OPTION_KEYS)), draw(st.sampled_from(('"', "'", "")))
            value = _hostile_value(draw).replace("\n", " ")
            options += f" {key}={quote}{value}{draw(st.sampled_from((quote, '')))}"
        target = _hostile_value(draw).replace("\n", " ")
        body = draw(st.sampled_from((f'--8<-- "{target}"', f"--8<--\n{target}\n--8<--", "FROM alpine:3.20")))
        out += [f"```dockerfile{options}", body, "```", "", f'--8<-- "{target}"', ""]
    return name, "\n".join(out)


def check_hostile(name: str, page: str) -> Report:
    """The page, as docs/<name> of the hostile project, through collect and every reporter: the canary
    never shows, findings point at the page or a file under snippets/, and outputs stay escaped."""
    from snipcheck.collect import make_reader, with_dockerignore
    from snipcheck.escape import url_path

    root = hostile_project()
    shown = f"docs/{name}"
    with time_limit(TIME_LIMIT):
        reader = make_reader([root / "snippets"], root)
        snippets, problems = extract(shown, page, reader, RULESET.ids, max_page_bytes=CONFIG.max_page_bytes)
        results = tuple(check_snippet(with_dockerignore(s, reader), RULESET, CONFIG) for s in snippets)
        report = Report(results, tuple(page_finding(p, RULESET) for p in problems), CONFIG)
        files = {shown, "snippets/ok.Dockerfile", "snippets/sub/../ok.Dockerfile"}
        assert_report_invariants(report, files | {f.file for r in results for f in r.findings
                                                   if f.file.startswith("snippets/") and ".." not in f.file})
        outputs = {fmt: render(report) for fmt, render in FORMATS.items()}
        outputs["html"] = "".join(render_result(r) for r in report.results)
        outputs["page"] = report_page(report, report_table(report, lambda p: "../" + p))
        for fmt, text in outputs.items():
            assert CANARY not in text, f"the canary leaked into {fmt}"
        for fmt in ("text", "github"):
            assert "\x1b" not in outputs[fmt] and "\r" not in outputs[fmt], f"a control character in {fmt}"
        assert "javascript:" not in url_path("../" + shown).lower()
        assert "](javascript" not in outputs["page"].lower() and 'href="javascript' not in outputs["page"].lower()
    return report


# -- the property ---------------------------------------------------------------------------------------

@contextmanager
def time_limit(seconds: int):
    """Fail instead of hanging (only where SIGALRM can be used: the main thread on POSIX)."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise TimeoutError(f"the pipeline did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_page(page: str, includes: dict[str, str]) -> Report:
    """Run a Markdown page through the whole pipeline and assert the invariants; return the report."""
    def read(name: str):
        return (f"{INCLUDE_BASE}/{name}", includes[name]) if name in includes else None

    with time_limit(TIME_LIMIT):
        snippets, problems = extract(PAGE, page, read, RULESET.ids)
        results = tuple(check_snippet(s, RULESET, CONFIG) for s in snippets)
        report = Report(results, tuple(page_finding(p, RULESET) for p in problems), CONFIG)
        assert_report_invariants(report, {PAGE, *(f"{INCLUDE_BASE}/{n}" for n in includes)})
    return report


def check_dockerfile(text: str) -> Report:
    """Run a plain Dockerfile through the checker and every reporter, asserting the invariants."""
    with time_limit(TIME_LIMIT):
        result = check_snippet(snippet_from_dockerfile("Dockerfile", text), RULESET, CONFIG)
        report = Report((result,), (), CONFIG)
        assert_report_invariants(report, {"Dockerfile"})
    return report


def assert_report_invariants(report: Report, files: set[str]) -> None:
    findings = [f for r in report.results for f in r.findings] + list(report.problems)
    for f in findings:
        assert f.rule in RULESET.ids, f"unknown rule {f.rule}"
        assert isinstance(f.line, int) and f.line >= 0, f"bad line in {f}"
        assert f.file in files, f"{f.rule} points at {f.file!r}, not at a file a writer edits ({sorted(files)})"
        assert f.message.strip(), f"{f.rule} has an empty message"
    for result in report.results:
        _assert_parse_errors_reported(result)
    _assert_reporters(report, findings)


def _assert_parse_errors_reported(result) -> None:
    """Every parse error of a checked snippet is a DG001 finding on its line, unless a pragma hides it,
    the error only reads a placeholder (`FROM <base>`), or the snippet is reported once as not a
    Dockerfile at all (DG015). Elision lines (`...`) are no errors to begin with."""
    if result.snippet.options.skip or any(f.rule == "DG015" for f in result.findings):
        return
    df = parse(mask_elisions(result.snippet.text)[0])
    sups = suppressions(df)
    reported = {f.snippet_line for f in result.findings if f.rule == "DG001"}
    lines = result.snippet.text.split("\n")
    for error in df.errors:
        words = placeholder_words(lines[error.line - 1]) if 0 < error.line <= len(lines) else ()
        hidden = any(s.applies_to[0] <= error.line <= s.applies_to[1]
                     and any(RULESET.matches(code, "DG001") for code in s.codes) for s in sups)
        hidden = hidden or any(w in error.message for w in words)
        assert hidden or error.line in reported, f"parse error not reported as DG001: {error}"


def _assert_reporters(report: Report, findings: list) -> None:
    rendered = {name: render(report) for name, render in FORMATS.items()}
    assert all(isinstance(text, str) and text.endswith("\n") for text in rendered.values())
    data = json.loads(rendered["json"])
    assert len(data["snippets"]) == len(report.results)
    listed = report.listed_findings()  # a finding several blocks show (one included file) is listed once
    assert sum(len(item.shown_at) or 1 for item in listed) == len(findings), "a finding lost or counted twice"
    run = json.loads(rendered["sarif"])["runs"][0]
    assert len(run["results"]) == len(listed)
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])
    lines = rendered["github"].split("\n")
    annotations = [item for item in listed if not item.finding.expected]
    assert len(lines) == len(annotations) + 2 and lines[-1] == "", "a GitHub command spans more than one line"
    for result in report.results:
        assert render_result(result).startswith(("<div", "<details"))  # notes are folded in <details>
    report_page(report, report_table(report, lambda page: None))
