"""Zensical (PyPI `zensical`) for real: it runs SuperFences custom fences but not MkDocs plugins.

The README says what a Zensical site gets: with the documented `standalone_format` fence entry the
result boxes appear under the blocks and unexpected failures are logged (and, with
SNIPCHECK_STRICT=1, stop the build); with only `plugins: - snipcheck` nothing is checked. Each of
those sentences is tested here against the real `zensical build`."""

import os
import subprocess
import sys
from pathlib import Path

ZENSICAL = Path(sys.executable).parent / "zensical"
CLEAN = ('FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n'
         'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .\n'
         'FROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /out/app /app\n'
         'ENTRYPOINT ["/app"]\n')
FAILING = 'FROM golang:1.27-trixie\nWORKDIR /app\nCMD go run .\n'
FENCE_ENTRY = """markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: dockerfile
          class: highlight
          validator: !!python/name:snipcheck.fence.validator
          format: !!python/name:snipcheck.fence.standalone_format
"""


def site(tmp_path: Path, dockerfile: str, fence_entry: bool = True) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(f"# Page\n\n```dockerfile\n{dockerfile}```\n")
    config = "site_name: Zensical try\ntheme:\n  name: material\nplugins:\n  - snipcheck\n"
    (tmp_path / "mkdocs.yml").write_text(config + (FENCE_ENTRY if fence_entry else ""))
    return tmp_path


def zensical_build(root: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **env})


def page(root: Path) -> str:
    return (root / "site" / "index.html").read_text()


def test_the_fence_entry_checks_each_block_and_shows_the_result(tmp_path):
    done = zensical_build(site(tmp_path, CLEAN))
    assert done.returncode == 0, done.stderr
    assert 'data-snipcheck-status="pass"' in page(tmp_path)
    assert "snipcheck:" not in done.stdout + done.stderr


def test_a_failing_block_is_logged_with_rule_and_line_and_the_build_goes_on(tmp_path):
    done = zensical_build(site(tmp_path, FAILING))
    assert done.returncode == 0, done.stderr
    assert "snipcheck-fail" in page(tmp_path)
    assert "line 3: DG107 warning" in done.stdout + done.stderr


def test_strict_stops_the_build_on_a_failing_block(tmp_path):
    done = zensical_build(site(tmp_path, FAILING), SNIPCHECK_STRICT="1")
    assert done.returncode != 0
    assert "SuperFencesException: snipcheck: a dockerfile block failed its checks" in done.stdout + done.stderr
    assert "DG107" in done.stdout + done.stderr


def test_strict_passes_a_clean_block(tmp_path):
    done = zensical_build(site(tmp_path, CLEAN), SNIPCHECK_STRICT="1")
    assert done.returncode == 0, done.stderr


def test_the_plugin_alone_checks_nothing_under_zensical_as_the_readme_says(tmp_path):
    done = zensical_build(site(tmp_path, FAILING, fence_entry=False))
    assert done.returncode == 0, done.stderr
    assert "snipcheck" not in page(tmp_path)
