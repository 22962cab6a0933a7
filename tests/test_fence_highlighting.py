"""Our Dockerfile fence highlights exactly as SuperFences does, building Pygments' style tables once
per style rather than once per block; and a failure of our code on a block is an error naming the
block, with the block still shown as highlighted code: SuperFences itself would swallow the
exception and print the whole fence as a line of inline text, and the build would pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from pymdownx import highlight as pymdownx_highlight

from snipcheck import highlighting

BIN = Path(sys.executable).parent
CLEAN = "FROM scratch\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n"  # no finding: only the box fails
BLOCK = "FROM golang:1.25 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=build /app /app\n"

# Settings of pymdownx.highlight that reach the formatter (style, class names, line numbers, anchors)
HIGHLIGHT_SETTINGS = [
    {},
    {"linenums": True, "anchor_linenums": True, "line_anchors": "__codelineno", "line_spans": "__span"},
    {"linenums": True, "linenums_style": "pymdownx-inline", "auto_title": True},
    {"linenums": True, "linenums_style": "inline", "pygments_lang_class": True},
    {"noclasses": True, "pygments_style": "monokai"},
    {"noclasses": True, "pygments_style": "friendly", "linenums_special": 2, "linenums": True},
]
# Options of a fence: what the page author writes after ```dockerfile
FENCE_OPTIONS = [{}, {"hl_lines": "2 4-5"}, {"linenums": "3 2 1"}, {"title": "Dockerfile"},
                 {"title": "x", "hl_lines": "1", "linenums": "1"}]


def _md(settings: dict) -> markdown.Markdown:
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"],
                           extension_configs={"pymdownx.highlight": settings})
    md.convert("```text\nx\n```\n")  # a fence sets up SuperFences' highlighting settings
    return md


@pytest.mark.parametrize("settings", HIGHLIGHT_SETTINGS)
def test_the_html_is_byte_for_byte_what_superfences_writes(settings):
    md, reference = _md(settings), _md(settings)  # each numbers its blocks (line anchors): same sequence
    for options in FENCE_OPTIONS:
        for extra in ({}, {"classes": ["wide"], "id_value": "main", "attrs": {"data-x": "1"}}):
            kwargs = {"classes": [], "id_value": "", "attrs": {}, **extra}
            theirs = reference.preprocessors["fenced_code_block"].highlight(
                src=BLOCK, language="dockerfile", options=dict(options), md=reference, **kwargs)
            ours = highlighting.highlight(BLOCK, md, language="dockerfile", options=dict(options), **kwargs)
            assert ours == theirs, (settings, options, extra)
            assert "<span" in ours and "golang" in ours


def test_the_style_tables_are_built_once_per_style_and_pymdownx_keeps_its_own_class(monkeypatch):
    original = pymdownx_highlight.BlockHtmlFormatter
    built = []
    real = original._create_stylesheet
    monkeypatch.setattr(original, "_create_stylesheet", lambda self: (built.append(self.style), real(self))[1])
    monkeypatch.setattr(highlighting, "_TABLES", {})
    for style in ("monokai", "friendly"):
        md = _md({"noclasses": True, "pygments_style": style})
        del built[:]  # setting up: pymdownx's own formatter for a text block
        for _ in range(5):
            highlighting.highlight(BLOCK, md, language="dockerfile", options={}, classes=[], id_value="", attrs={})
        md.preprocessors["fenced_code_block"].highlight(src=BLOCK, language="dockerfile", options={}, md=md,
                                                        classes=[], id_value="", attrs={})
        # five of ours build the tables once, and pymdownx's own block builds its own as before
        assert [s.__name__ for s in built] == [f"{style.capitalize()}Style"] * 2
    assert pymdownx_highlight.BlockHtmlFormatter is original


def test_pymdownx_gets_its_class_back_when_highlighting_fails():
    original = pymdownx_highlight.BlockHtmlFormatter
    md = _md({})
    with pytest.raises(Exception):
        highlighting.highlight(BLOCK, md, language="dockerfile", options={"hl_lines": None}, classes=[],
                               id_value="", attrs={})
    assert pymdownx_highlight.BlockHtmlFormatter is original


# -- a failure of our code on a block, in a real `mkdocs build` and in the engine-neutral fence -------

INJECT = '''
import os
import snipcheck.fence

def _broken(*args, **kwargs):
    raise LookupError("CANARY-box-text")

if os.environ.get("BREAK_BOXES") == "1":
    snipcheck.fence.render_result = _broken
'''


@pytest.fixture
def broken_boxes_env(tmp_path):
    inject = tmp_path / "inject"
    inject.mkdir()
    (inject / "sitecustomize.py").write_text(INJECT)
    return {**os.environ, "PYTHONPATH": str(inject), "BREAK_BOXES": "1", "NO_MKDOCS_2_WARNING": "1",
            "SNIPCHECK_CACHE": "0"}


@pytest.mark.slow
def test_mkdocs_build_strict_fails_naming_the_block_and_the_page_still_shows_it_as_code(tmp_path, broken_boxes_env):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Boxes\nplugins:\n  - snipcheck:\n      show: all\n"
                                         "markdown_extensions: [pymdownx.superfences]\n")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nText.\n\n```dockerfile\n" + CLEAN + "```\n")
    strict = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=tmp_path, capture_output=True,
                            text=True, env=broken_boxes_env, timeout=300)
    assert strict.returncode == 1 and "Traceback" not in strict.stderr, strict.stderr[-3000:]
    assert ("the checker failed on the Dockerfile block at docs/index.md:5 while showing its result: LookupError "
            "at snipcheck/fence.py:") in strict.stderr, strict.stderr[-3000:]
    assert "CANARY-box-text" not in strict.stderr
    lenient = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=tmp_path, capture_output=True, text=True,
                             env=broken_boxes_env, timeout=300)
    assert lenient.returncode == 0, lenient.stderr[-3000:]
    page = (tmp_path / "site" / "index.html").read_text()
    assert '<div class="highlight"><pre><span></span><code><span class="k">FROM</span>' in page
    assert "<p><code>dockerfile" not in page
    healthy = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=tmp_path, capture_output=True,
                             text=True, env={**broken_boxes_env, "BREAK_BOXES": "0"}, timeout=300)
    assert healthy.returncode == 0 and "while showing its result" not in healthy.stderr, healthy.stderr[-3000:]


def test_the_engine_neutral_fence_logs_the_failure_and_stops_under_strict(monkeypatch, caplog):
    from pymdownx.superfences import SuperFencesException

    from snipcheck import fence

    def broken(*args, **kwargs):
        raise LookupError("CANARY-box-text")

    monkeypatch.setattr(fence, "render_result", broken)
    md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {
        "custom_fences": [{"name": "dockerfile", "class": "highlight", "format": fence.standalone_format,
                           "validator": fence.validator}]}})
    monkeypatch.delenv("SNIPCHECK_STRICT", raising=False)
    html = md.convert("```dockerfile\n" + CLEAN + "```\n")
    assert 'class="highlight"' in html and "USER" in html and "<p><code>" not in html
    assert any("on the Dockerfile block `FROM scratch` while showing its result: LookupError"
               in r.getMessage() for r in caplog.records)
    assert not any("CANARY" in r.getMessage() for r in caplog.records)
    monkeypatch.setenv("SNIPCHECK_STRICT", "1")
    with pytest.raises(SuperFencesException, match="LookupError"):
        md.reset().convert("```dockerfile\n" + CLEAN + "```\n")
