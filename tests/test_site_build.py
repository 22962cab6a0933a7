"""A real `mkdocs build --strict` of a copy of the site: results on pages, report, failures."""

import json
import re

import pytest
from sitecopy import build, copy_site

pytestmark = pytest.mark.slow

PLANTED = '\n\n## Planted\n\n```dockerfile\nFROM golang:1.27 AS build\nRUN true\nFROM scratch\n' \
          'COPY --from=nosuch /out/app /app\nUSER 65534:65534\nENTRYPOINT ["/app"]\n```\n'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = copy_site(tmp_path_factory.mktemp("site"))
    result = build(site)
    return site, result


def test_site_builds_strict_with_zero_warnings(built):
    _, result = built
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr


def test_every_rendered_dockerfile_block_was_checked(built):
    site, _ = built
    blocks = sum(len(re.findall(r'class="[^"]*language-dockerfile', p.read_text()))
                 for p in (site / "site").rglob("*.html"))
    report = json.loads((site / "site" / "checks" / "report.json").read_text())
    assert blocks > 0 and blocks == report["summary"]["snippets"] == report["summary"]["rendered_blocks"]
    assert report["summary"]["fail"] == 0


def test_results_are_on_the_page_and_not_in_search(built):
    site, _ = built
    html = (site / "site" / "rules" / "dg301" / "index.html").read_text()
    assert 'class="snipcheck snipcheck-expected" data-search-exclude' in html
    assert 'class="snipcheck-rule" href="./"' in html  # the finding links to this very rule page
    for page in (site / "site").rglob("*.html"):  # every finding link resolves to a built rule page
        for href in re.findall(r'class="snipcheck-rule" href="([^"]+)"', page.read_text()):
            assert (page.parent / href / "index.html").resolve().is_file(), (page, href)
    index = (site / "site" / "search" / "search_index.json").read_text()
    assert not re.search(r"triggers DG\d{3}[ ,DG0-9]* as intended", index)  # result headlines
    assert "no earlier stage has that name" not in index  # a finding message of the DG301 page


def test_report_page_lists_every_snippet(built):
    site, _ = built
    report = json.loads((site / "site" / "checks" / "report.json").read_text())
    page = (site / "site" / "checks" / "index.html").read_text()
    assert page.count("<tr>") - 1 == report["summary"]["snippets"]


def test_planted_bad_snippet_fails_the_build_then_passes_when_removed(tmp_path):
    site = copy_site(tmp_path)
    page = site / "docs" / "index.md"
    original = page.read_text()
    page.write_text(original + PLANTED)
    line = (original + PLANTED).splitlines().index("COPY --from=nosuch /out/app /app") + 1
    result = build(site)
    assert result.returncode != 0
    assert re.search(rf"docs/index\.md:{line}: DG301 error: --from=nosuch", result.stderr), result.stderr[-2000:]
    page.write_text(original)
    again = build(site)
    assert again.returncode == 0, again.stderr[-2000:]


def test_bad_example_whose_rule_stopped_firing_fails(tmp_path):
    site = copy_site(tmp_path)
    page = site / "docs" / "index.md"
    text = page.read_text() + '\n\n```dockerfile expect="DG201"\nFROM alpine:3.24\nUSER 65534:65534\n```\n'
    page.write_text(text)
    fence = text.splitlines().index('```dockerfile expect="DG201"') + 1
    result = build(site)
    assert result.returncode != 0
    assert f"docs/index.md:{fence}: DG004 error" in result.stderr


def test_included_snippet_findings_point_at_the_included_file(tmp_path):
    site = copy_site(tmp_path)
    (site / "snippets" / "planted.Dockerfile").write_text("FROM alpine:3.24\nUSER root\n")
    page = site / "docs" / "index.md"
    page.write_text(page.read_text() + '\n\n```dockerfile\n--8<-- "planted.Dockerfile"\n```\n')
    result = build(site)
    assert "snippets/planted.Dockerfile:2: DG702 warning" in result.stderr


def test_bad_config_is_a_clear_error(tmp_path):
    site = copy_site(tmp_path)
    cfg = site / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("fail_on: warning", "fail_on: loud"))
    result = build(site)
    assert result.returncode != 0 and "snipcheck" in result.stderr and "fail_on" in result.stderr
    assert "Traceback" not in result.stderr
