"""The wheel in fresh virtual environments, on a minimal Material site that is not ours: the
README's three steps (`plugins: - snipcheck`, nothing else), the CLI without MkDocs, and the
lowest dependency versions the ranges in pyproject.toml allow."""

from __future__ import annotations

import re
import tomllib
import zipfile

import pytest
from freshenv import ENV, ROOT, fixture_site, make_venv, run, site_bin, wheel  # noqa: F401 (fixtures)
from test_serve import fetch, serving, wait_for

pytestmark = pytest.mark.slow
BAD_LINE = "USER root"


def build(bin_dir, site, strict=True, env=None):
    return run([bin_dir / "mkdocs", "build", "--clean"] + (["--strict"] if strict else []), cwd=site, check=False,
               env=env)


def plant_bad_line(site) -> int:
    """Make the included Dockerfile run as root; return the line number of the bad line."""
    include = site / "includes" / "static.Dockerfile"
    lines = include.read_text().splitlines()
    lines.insert(len(lines) - 1, BAD_LINE)
    include.write_text("\n".join(lines) + "\n")
    return lines.index(BAD_LINE) + 1


def test_wheel_ships_the_plugin_entry_point_and_its_style_sheet(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(zf.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert {"snipcheck/plugin.py", "snipcheck/assets/snipcheck.css", "snipcheck/fence.py"} <= names
    assert "[mkdocs.plugins]\nsnipcheck = snipcheck.plugin:SnipcheckPlugin" in entry_points
    assert not any(n.startswith(("tests/", "docs/")) for n in names)


def test_cli_checks_a_dockerfile_without_mkdocs_installed(wheel, tmp_path):
    bin_dir = make_venv(tmp_path / "venv", str(wheel))
    with zipfile.ZipFile(wheel) as zf:  # the version the wheel declares is the one the command prints
        metadata = next(zf.read(n).decode() for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    version = re.search(r"^Version: (\S+)$", metadata, re.M).group(1)
    assert version == (ROOT / "hooks" / "snipcheck" / "version.py").read_text().split('"')[-2]
    assert run([bin_dir / "snipcheck", "--version"]).stdout.strip() == f"snipcheck, version {version}"
    assert run([bin_dir / "python", "-c", "import mkdocs"], check=False).returncode != 0
    (tmp_path / "Dockerfile").write_text("FROM debian:bookworm-slim\nUSER root\nCMD [\"true\"]\n")
    result = run([bin_dir / "snipcheck", "check", "Dockerfile"], cwd=tmp_path, check=False)
    assert result.returncode == 1 and "Dockerfile:2: DG702" in result.stdout, result.stdout + result.stderr


def test_clean_site_builds_strict_and_looks_as_it_did(site_bin, fixture_site):
    result = build(site_bin, fixture_site)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr[-3000:]
    assert "snipcheck: checked 3 Dockerfile snippets: 3 passed" in result.stderr  # the include was found
    out = fixture_site / "site"
    html = (out / "index.html").read_text()
    assert "snipcheck snipcheck-" not in html  # clean blocks: no result boxes by default
    annotated = html[html.index('<div class="annotate highlight">'):]
    code, after = annotated.split("</code></pre></div>", 1)
    assert after.lstrip().startswith("<ol>")  # Material binds the annotation list to the block
    assert code.count('class="hll"') == 2  # hl_lines="2 3", the author's own
    assert not (out / "rules").exists() and not (out / "checks").exists()  # no pages unless asked
    assert (out / "assets" / "stylesheets" / "snipcheck.css").is_file()  # served from the package


def test_bad_snippet_fails_the_strict_build_naming_file_line_and_rule(site_bin, fixture_site):
    line = plant_bad_line(fixture_site)
    result = build(site_bin, fixture_site)
    assert result.returncode != 0
    assert re.search(rf"WARNING +- +snipcheck: includes/static\.Dockerfile:{line}: DG702 ", result.stderr), \
        result.stderr[-3000:]
    html = (fixture_site / "site" / "index.html").read_text()
    assert html.count('data-snipcheck-status="fail"') == 1  # shown under the failing block only


def test_serve_answers_and_shows_the_result_after_an_edit(site_bin, fixture_site):
    with serving(site_bin / "mkdocs", fixture_site, ENV) as (url, proc):
        home = wait_for(lambda: fetch(url), timeout=180)
        assert home and "Container images" in home and "snipcheck-fail" not in home
        plant_bad_line(fixture_site)  # an include outside docs/: watched through pymdownx.snippets' base_path
        changed = wait_for(lambda: (lambda h: h if h and "snipcheck-fail" in h else None)(fetch(url)), timeout=180)
        assert changed and "DG702" in changed
    assert "Traceback" not in proc.stderr.read()


def lowest_requirements() -> list[str]:
    """Every range the package declares: dependencies, the mkdocs extra, Material from the docs extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return project["dependencies"] + extras["mkdocs"] + [r for r in extras["docs"] if r.startswith("mkdocs-material")]


def test_lowest_versions_the_ranges_allow_build_the_fixture_site(wheel, tmp_path, fixture_site):
    tools = make_venv(tmp_path / "tools", "uv")
    low = tmp_path / "low"
    run([tools / "uv", "venv", "-q", "--python", tools / "python", low])
    uv_env = {"VIRTUAL_ENV": str(low)}
    run([tools / "uv", "pip", "install", "-q", "--resolution", "lowest-direct", *lowest_requirements()], env=uv_env)
    run([tools / "uv", "pip", "install", "-q", "--no-deps", wheel], env=uv_env)
    installed = dict(line.split("==") for line in run([tools / "uv", "pip", "freeze"], env=uv_env).stdout.split()
                     if "==" in line)  # our own wheel is listed as `snipcheck @ file://...`
    installed = {k.lower(): v for k, v in installed.items() if not k.startswith("-e")}
    for requirement in lowest_requirements():
        name, floor = re.match(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement).groups()
        assert installed[name.lower()].startswith(floor), (name, installed)  # the floor itself was installed
    print(f"lowest versions: {sorted(installed.items())}")
    result = build(low / "bin", fixture_site)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr[-3000:]
    line = plant_bad_line(fixture_site)
    result = build(low / "bin", fixture_site)
    assert result.returncode != 0 and f"includes/static.Dockerfile:{line}: DG702" in result.stderr
