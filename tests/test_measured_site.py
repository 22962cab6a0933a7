"""The size page and the numbers declared as measured, in a real `mkdocs build --strict` of a copy
of the site (no Docker: the committed measurements in snippets/measured/images.json are used)."""

from __future__ import annotations

import html
import json
import re

import pytest
from sitecopy import build, copy_site

from snipcheck.claims import find_claims, format_quantity

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return copy_site(tmp_path_factory.mktemp("measured"))


def test_size_page_renders_table_and_chart_from_the_measurements(site):
    result = build(site)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((site / "snippets" / "measured" / "images.json").read_text())
    page = (site / "site" / "size-comparison" / "index.html").read_text()
    assert '<svg role="img"' in page and "snipcheck-chart" in page
    shown = re.findall(r'<td data-bytes="(\d+)">', page)
    assert shown and all(int(n) in {e["size"] for e in data["images"].values()} for n in shown)
    scratch = data["images"]["static-scratch"]
    assert f'{format_quantity(scratch["size"], "size")}</text>' in page  # the bar's label
    assert data["measured_at"] in page and html.escape(data["engine"]) in page
    assert page.count('class="snipcheck-measured"') >= 1 and '{measured="' not in page


def test_a_declared_number_that_disagrees_fails_the_strict_build(site):
    page = site / "docs" / "size-comparison.md"
    text = page.read_text()
    claim = next(c for c in find_claims(text) if c.fact == "size")
    value, unit = claim.text.split()
    wrong = f"[{float(value) * 1.5:.1f} {unit}]"
    page.write_text(text[:claim.start] + wrong + text[claim.start + len(claim.text) + 2:])
    result = build(site)
    assert result.returncode != 0
    assert re.search(rf"docs/size-comparison.md:{claim.line}: DG016 error: the text says [\d.]+ {unit} for "
                     rf"`{claim.example}.size`, the real build measured", result.stderr), result.stderr[-2000:]
