"""The scan cache: each page's fences from an earlier build, served only while the page and every
include it read are unchanged, and equal to what extracting again would give."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzz_strategies import markdown_pages
from snipcheck.collect import make_reader
from snipcheck.markdown import extract
from snipcheck.registry import RuleSet
from snipcheck.run import project_config, snippet_bases
from snipcheck.scancache import ScanCache

ROOT = Path(__file__).resolve().parent.parent
RULES = RuleSet()
PAGES = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def cache(folder: Path, includes: bool = True, root: Path = ROOT) -> ScanCache:
    return ScanCache.for_site(folder, root, "fingerprint", RULES.ids, includes, None)


def through(scans: ScanCache, page: str, text: str, read):
    return scans.extract(extract, page, text, read, known_rules=RULES.ids)


def test_every_page_of_the_guide_comes_back_equal_from_the_cache(tmp_path):
    config = project_config(ROOT)
    read = make_reader(snippet_bases(ROOT, config), ROOT)
    pages = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    first = cache(tmp_path)
    fresh = {name: through(first, name, text, read) for name, text in pages.items()}
    first.save()
    second = cache(tmp_path)
    again = {name: through(second, name, text, read) for name, text in pages.items()}
    assert sum(len(snippets) for snippets, _ in fresh.values()) > 80
    assert any(loc.file != name for name, (snippets, _) in fresh.items() for s in snippets for loc in s.lines)
    assert (second.hits, second.misses) == (len(pages), 0)
    assert again == fresh


@PAGES
@given(markdown_pages())
def test_any_page_with_includes_comes_back_as_extract_gives_it(tmp_path_factory, page_and_includes):
    page, includes = page_and_includes
    folder = tmp_path_factory.mktemp("scans")

    def read(name):
        return (f"snippets/{name}", includes[name]) if name in includes else None

    first = cache(folder)
    assert through(first, "docs/fuzz.md", page, read) == extract("docs/fuzz.md", page, read, RULES.ids)
    first.save()
    second = cache(folder)
    assert through(second, "docs/fuzz.md", page, read) == extract("docs/fuzz.md", page, read, RULES.ids)
    assert second.hits == 1


def _site(tmp_path: Path) -> tuple[Path, Path]:
    base = tmp_path / "snippets"
    base.mkdir()
    (base / "app.Dockerfile").write_text("FROM alpine:3.22\nUSER 65534\n")
    page = tmp_path / "page.md"
    page.write_text('# Page\n\n```dockerfile\n--8<-- "app.Dockerfile"\n--8<-- "extra.Dockerfile"\n```\n')
    return base, page


def _extract_site(tmp_path: Path, base: Path, page: Path):
    scans = cache(tmp_path / "scans", root=tmp_path)
    found = through(scans, "page.md", page.read_text(), make_reader([base], tmp_path))
    scans.save()
    return scans, found


def test_an_edited_added_or_removed_include_is_a_miss(tmp_path):
    base, page = _site(tmp_path)
    _, (snippets, _) = _extract_site(tmp_path, base, page)
    assert "USER 65534" in snippets[0].text
    assert any("extra.Dockerfile" in p.message for p in snippets[0].problems)  # not found, said so
    scans, (snippets, _) = _extract_site(tmp_path, base, page)
    assert (scans.hits, scans.misses) == (1, 0)

    (base / "app.Dockerfile").write_text("FROM alpine:3.22\nUSER 10001\n")
    scans, (snippets, _) = _extract_site(tmp_path, base, page)
    assert scans.misses == 1 and "USER 10001" in snippets[0].text

    (base / "extra.Dockerfile").write_text("ENTRYPOINT [\"/app\"]\n")
    scans, (snippets, _) = _extract_site(tmp_path, base, page)
    assert scans.misses == 1 and "ENTRYPOINT" in snippets[0].text and not snippets[0].problems

    (base / "app.Dockerfile").unlink()
    scans, (snippets, _) = _extract_site(tmp_path, base, page)
    assert scans.misses == 1 and "USER" not in snippets[0].text
    assert any("app.Dockerfile" in p.message for p in snippets[0].problems)


def test_an_include_refused_now_is_a_miss(tmp_path):
    base, page = _site(tmp_path)
    _extract_site(tmp_path, base, page)
    (base / "app.Dockerfile").write_bytes(b"FROM alpine\n\xff\xfe not text\n")
    scans, (snippets, _) = _extract_site(tmp_path, base, page)
    assert scans.misses == 1 and "FROM alpine" not in snippets[0].text
    assert any("refused" in p.message for p in snippets[0].problems)


def test_a_damaged_cache_file_is_a_miss_not_an_error(tmp_path):
    base, page = _site(tmp_path)
    scans, expected = _extract_site(tmp_path, base, page)
    good = json.loads(scans.path.read_text())
    (key, text), = good["entries"].items()
    entry = json.loads(text)  # each entry is kept as JSON text of its own

    def with_entry(value) -> str:
        return json.dumps({**good, "entries": {key: value if isinstance(value, str) else json.dumps(value)}})

    damaged = [b"", b"\x00\xff", b"[]", b'{"format": 2, "entries": []}', "[" * 100_000 + "]" * 100_000,
               json.dumps({"format": 1, "entries": {key: entry}}),  # the first format: entries as objects
               with_entry({**entry, "snippets": [[1, 2, 3]]}), with_entry({**entry, "snippets": "text"}),
               with_entry({**entry, "reads": 7}), with_entry({**entry, "problems": [[None, 1, 2, 3]]}),
               with_entry("{not json"), with_entry([entry]), with_entry("[" * 100_000 + "]" * 100_000),
               with_entry({**entry, "snippets": [[*entry["snippets"][0][:3], [["page.md", "1", 2]],
                                                  *entry["snippets"][0][4:]]]}),
               # 0 == False: a damaged `fragment` of 0 after a valid one of False, options made once
               with_entry({**entry, "snippets": [entry["snippets"][0], _with_option(entry["snippets"][0], 1, 0)]})]
    for content in damaged:
        scans.path.write_bytes(content if isinstance(content, bytes) else content.encode())
        again, found = _extract_site(tmp_path, base, page)
        assert (again.hits, again.misses) == (0, 1) and found == expected


def _with_option(snippet_data: list, n: int, value) -> list:
    options = list(snippet_data[4])
    options[n] = value
    return [*snippet_data[:4], options, *snippet_data[5:]]


def test_fences_with_the_same_options_share_one_options_object(tmp_path):
    """A warm build of 2,700 fences kept 2,700 equal FenceOptions alive, each walked by every
    garbage collection; replayed fences with equal options now share one."""
    config = project_config(ROOT)
    read = make_reader(snippet_bases(ROOT, config), ROOT)
    pages = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    first = cache(tmp_path)
    fresh = [s for name, text in pages.items() for s in through(first, name, text, read)[0]]
    first.save()
    second = cache(tmp_path)
    again = [s for name, text in pages.items() for s in through(second, name, text, read)[0]]
    assert again == fresh and len({s.options for s in fresh}) > 3
    assert len({id(s.options) for s in again}) == len({s.options for s in again}) < len(again)


def test_nothing_changed_writes_nothing_and_a_page_gone_is_dropped(tmp_path):
    base, page = _site(tmp_path)
    scans, _ = _extract_site(tmp_path, base, page)
    before = scans.path.stat().st_mtime_ns
    again, _ = _extract_site(tmp_path, base, page)
    assert again.hits == 1 and again.path.stat().st_mtime_ns == before
    other = cache(tmp_path / "scans", root=tmp_path)
    through(other, "other.md", "```dockerfile\nFROM alpine:3.22\n```\n", None)
    other.save()
    assert other.path == scans.path and other.misses == 1  # the same site, where page.md is gone
    (kept,) = json.loads(other.path.read_text())["entries"].values()
    assert json.loads(kept)["snippets"][0][1] == "other.md"
    back, _ = _extract_site(tmp_path, base, page)
    assert (back.hits, back.misses) == (0, 1)


def test_the_salt_separates_sites_rules_and_settings(tmp_path):
    paths = {ScanCache.for_site(tmp_path, ROOT, "a", RULES.ids, True, None).path,
             ScanCache.for_site(tmp_path, tmp_path, "a", RULES.ids, True, None).path,
             ScanCache.for_site(tmp_path, ROOT, "b", RULES.ids, True, None).path,
             ScanCache.for_site(tmp_path, ROOT, "a", RULES.ids - {"DG302"}, True, None).path,
             ScanCache.for_site(tmp_path, ROOT, "a", RULES.ids, False, None).path,
             ScanCache.for_site(tmp_path, ROOT, "a", RULES.ids, True, 1000).path}
    assert len(paths) == 6
    assert ScanCache.for_site(None, ROOT, "a", RULES.ids, True, None).path is None


def test_without_a_folder_every_page_is_extracted_and_nothing_written(tmp_path):
    scans = ScanCache.for_site(None, ROOT, "a", RULES.ids, True, None)
    for _ in range(2):
        snippets, _ = through(scans, "p.md", "```dockerfile\nFROM alpine:3.22\n```\n", None)
        assert len(snippets) == 1
    scans.save()
    assert (scans.hits, scans.misses) == (0, 2) and not list(tmp_path.iterdir())
