"""Dockerfile fences that are not in any page's Markdown because another Python-Markdown extension
writes them (markdown_include's `{!file!}`, Argo CD's docs use it): the checker cannot give them a
page line, but it checks each one as rendered, with its own fence options, and a failing one fails
`mkdocs build --strict` with its findings named; a clean one is counted, not warned about.

The extension here is a real Python-Markdown preprocessor of a dozen lines doing what
markdown_include does (a line `{!name!}` becomes the file's lines), loaded by a real `mkdocs build`.
A template plugin (mkdocs-macros) rewrites a fence the checker did find: that one is checked as
rendered at its own page line (the template is a MkDocs hook doing what macros does with {{ x }})."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
INCLUDER = '''
import re
from pathlib import Path
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

class Include(Preprocessor):
    def run(self, lines):
        out = []
        for line in lines:
            m = re.fullmatch(r"\\{!(.+)!\\}", line.strip())
            out.extend(Path("parts", m.group(1)).read_text().splitlines() if m else [line])
        return out

class IncludeExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Include(md), "test_include", 110)

def makeExtension(**kwargs):
    return IncludeExtension(**kwargs)
'''


def build(tmp_path: Path, part: str, strict: bool = True) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    (tmp_path / "parts").mkdir()
    (tmp_path / "test_include.py").write_text(INCLUDER)
    (tmp_path / "mkdocs.yml").write_text("site_name: Included\nplugins: [snipcheck]\n"
                                         "markdown_extensions: [test_include, pymdownx.superfences]\n")
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nThe image:\n\n{!image.md!}\n\nDone.\n")
    (tmp_path / "parts" / "image.md").write_text(part)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run([str(BIN / "mkdocs"), "build"] + (["--strict"] if strict else []), cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=300)


CLEAN = "```dockerfile\nFROM alpine:3.24\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n```\n"
ROOT = "```dockerfile\nFROM alpine:3.24\nCOPY app /app\nUSER root\nENTRYPOINT [\"/app\"]\n```\n"


def test_a_clean_fence_another_extension_wrote_is_checked_and_counted_not_warned(tmp_path):
    done = build(tmp_path, CLEAN)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "checked 0 Dockerfile snippets" in done.stderr and ("; 1 more on docs/index.md, not in the pages' "
                                                               "Markdown") in done.stderr
    assert "checked as rendered: 0 failed" in done.stderr and "WARNING" not in done.stderr


def test_the_result_box_of_a_fence_another_extension_wrote_is_shown(tmp_path):
    done = build(tmp_path, ROOT, strict=False)
    assert done.returncode == 0, done.stderr[-3000:]
    page = (tmp_path / "site" / "index.html").read_text()
    assert 'data-snipcheck-status="fail"' in page and "DG702" in page


def test_a_failing_fence_another_extension_wrote_fails_strict_with_its_findings(tmp_path):
    done = build(tmp_path, ROOT)
    assert done.returncode == 1, done.stderr[-3000:]
    assert ("docs/index.md: DG702 warning:" in done.stderr and "(line 3 of the Dockerfile fence `FROM alpine:3.24`, "
            "which is not in the page's Markdown as the checker read it" in done.stderr), done.stderr[-3000:]
    assert "checked as rendered: 1 failed" in done.stderr


def test_the_fence_options_of_a_fence_another_extension_wrote_count(tmp_path):
    done = build(tmp_path, ROOT.replace("```dockerfile\n", '```dockerfile expect="DG702"\n', 1))
    assert done.returncode == 0 and "0 failed" in done.stderr, done.stderr[-3000:]


# -- a template plugin (mkdocs-macros) renders {{ ... }} in the page before Python-Markdown -----------

TEMPLATE_HOOK = '''
import re

def on_page_markdown(markdown, page, config, files):
    return re.sub(r"\\{\\{ *(\\w+) *\\}\\}", lambda m: config.extra[m.group(1)], markdown)
'''


def build_templated(tmp_path: Path, page: str, image: str, strict: bool = True) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    (tmp_path / "render.py").write_text(TEMPLATE_HOOK)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Templated\nplugins: [snipcheck]\nhooks: [render.py]\n"
                                         f"extra: {{img: '{image}'}}\nmarkdown_extensions: [pymdownx.superfences]\n")
    (tmp_path / "docs" / "index.md").write_text(page)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run([str(BIN / "mkdocs"), "build"] + (["--strict"] if strict else []), cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=300)


TEMPLATED = "# Home\n\nText.\n\n```dockerfile\nFROM {{ img }}\nCOPY app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n```\n"


def test_a_block_a_template_plugin_renders_is_checked_as_rendered_at_its_page_line(tmp_path):
    done = build_templated(tmp_path, TEMPLATED, "ubuntu")  # renders as an untagged base
    assert done.returncode == 1, done.stderr[-3000:]
    assert "docs/index.md:6: DG202 warning: ubuntu has no tag" in done.stderr, done.stderr[-3000:]
    assert "were not rendered as code blocks" not in done.stderr and "not in the page's Markdown" not in done.stderr
    assert ("1 of them rendered by a template plugin (mkdocs-macros, include-markdown), checked as rendered too: "
            "1 failed") in done.stderr


def test_a_block_a_template_plugin_renders_clean_passes_strict(tmp_path):
    done = build_templated(tmp_path, TEMPLATED, "ubuntu:24.04")
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stderr[-3000:]
    assert "checked as rendered too: 0 failed" in done.stderr


# -- include-markdown (PyPI mkdocs-include-markdown-plugin, for real): {% include %} in a fence -------

def build_including(tmp_path: Path, dockerfile: str) -> subprocess.CompletedProcess:
    (tmp_path / "docs").mkdir()
    (tmp_path / "Dockerfile").write_text(dockerfile)
    (tmp_path / "mkdocs.yml").write_text("site_name: Including\nplugins: [include-markdown, snipcheck]\n"
                                         "markdown_extensions: [pymdownx.superfences]\n")
    (tmp_path / "docs" / "index.md").write_text('# Home\n\nOur Dockerfile:\n\n```dockerfile\n'
                                                '{% include "../Dockerfile" %}\n```\n')
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPCHECK_CACHE": "0"}
    return subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=300)


def test_an_included_dockerfile_is_checked_as_rendered_with_its_line_in_the_block(tmp_path):
    done = build_including(tmp_path, "FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY . .\n"
                                     "RUN CGO_ENABLED=0 go build -o /app .\n\nFROM alpine:latest\n"
                                     "COPY --from=build /app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n")
    assert done.returncode == 1, done.stderr[-3000:]
    # One line of the page became nine: the finding is at the fence, with its line in the block.
    assert ("docs/index.md:5: DG201 warning: alpine:latest uses the moving tag 'latest': pin a version (line 6 of the "
            "block as a template plugin rendered it, such as mkdocs-macros' {{ ... }} or include-markdown's "
            "{% include %})") in done.stderr
    html = (tmp_path / "site" / "index.html").read_text()
    assert '<span class="snipcheck-where">line 6</span>' in html and "DG201" in html


def test_an_included_clean_dockerfile_passes_strict(tmp_path):
    done = build_including(tmp_path, "FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\n"
                                     "RUN go mod download\nCOPY . .\n"
                                     "RUN CGO_ENABLED=0 go build -trimpath -ldflags=\"-s -w\" -o /out/app .\n"
                                     "FROM gcr.io/distroless/static-debian13:nonroot\n"
                                     "COPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n")
    assert done.returncode == 0 and "WARNING" not in done.stderr, done.stderr[-3000:]
    assert "1 of them rendered by a template plugin (mkdocs-macros, include-markdown), checked as rendered too: " \
           "0 failed" in done.stderr
