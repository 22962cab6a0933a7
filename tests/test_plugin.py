"""The MkDocs plugin without a build: options derived from Config, rendering that leaves the
site's own code-block features alone, navigation and Markdown settings read from the site."""

import logging
from snipcheck.records import fields
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from snipcheck.fencenames import FENCE_NAMES
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from snipcheck import site_setup
from snipcheck.config import ConfigError
from snipcheck.checker import check_text
from snipcheck.config import Config, option_docs, options_table
from snipcheck.fence import custom_fences
from snipcheck.plugin_options import PluginConfig
from snipcheck.registry import RuleSet

CLEAN_WITH_NOTES = ('FROM golang:1.27-trixie AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\n'
                    'COPY . .\n'
                    'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app . # (1)!\n'
                    'FROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /out/app /app\n'
                    'ENTRYPOINT ["/app"]\n')
FAILING = 'FROM golang:1.27-trixie\nUSER root\nENTRYPOINT ["/app"] # (1)!\n'
ANNOTATED = "``` { .dockerfile .annotate%s }\n%s```\n\n1.  The note.\n"


def render(text: str, **display) -> str:
    ruleset, config = RuleSet(Config()), Config()
    fences = custom_fences(lambda src, options: check_text(src, ruleset, config), **display)
    md = markdown.Markdown(extensions=["attr_list", "pymdownx.highlight", "pymdownx.superfences", "pymdownx.tabbed"],
                           extension_configs={"pymdownx.superfences": {"custom_fences": fences}})
    return md.convert(text)


class Siblings(HTMLParser):
    """Records, for each top-level element, its tag and classes (enough to check sibling order)."""

    def __init__(self):
        super().__init__()
        self.depth, self.top = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.top.append((tag, dict(attrs).get("class", "")))
        if tag not in ("br", "img", "input", "hr", "meta", "link"):
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1


def top_level(html: str) -> list[tuple[str, str]]:
    parser = Siblings()
    parser.feed(html)
    return parser.top


def test_every_config_field_is_a_typed_plugin_option_with_a_docstring():
    schema = dict(PluginConfig._schema)
    assert set(schema) == {f.name for f in fields(Config)}
    assert set(option_docs()) == set(schema)  # every option documented
    assert type(schema["show"]).__name__ == "Choice" and schema["show"].choices == ("all", "failures", "none")
    assert type(schema["rule_pages"]).__name__ == "Type" and schema["rule_pages"].default is False
    for key, bad in (("show", "some"), ("fail_on", "loud"), ("ignore", "DG101")):
        config = PluginConfig()
        config.load_dict({key: bad})
        errors, _ = config.validate()
        assert [name for name, _ in errors] == [key]


@pytest.mark.parametrize("text, show", [(CLEAN_WITH_NOTES, "all"), (FAILING, "all"), (FAILING, "failures")])
def test_annotation_list_is_the_element_right_after_the_highlight_wrapper(text, show):
    html = render(ANNOTATED % ("", text), show=show)
    assert ("snipcheck-notes" in html) == (text is CLEAN_WITH_NOTES)
    assert 'class="snipcheck' in html  # the result is shown ...
    assert top_level(html)[:2] == [("div", "annotate highlight"), ("ol", "")]  # ... and the list still binds


def test_line_highlights_are_the_authors_own_unless_asked():
    assert "hll" not in render(ANNOTATED % ("", FAILING), show="all")
    own = render(ANNOTATED % (' hl_lines="1"', FAILING), show="all", highlight_failing_lines=True)
    assert own.count('class="hll"') == 1 and 'class="hll"><span class="k">FROM' in own
    marked = render(ANNOTATED % ("", FAILING), show="all", highlight_failing_lines=True)
    assert 'class="hll"><span class="k">USER' in marked


def test_show_decides_what_readers_see():
    assert "snipcheck" not in render(ANNOTATED % ("", CLEAN_WITH_NOTES), show="failures")
    assert "snipcheck" not in render(ANNOTATED % ("", FAILING), show="none")
    assert "snipcheck-fail" in render(ANNOTATED % ("", FAILING), show="failures")


def test_notes_under_a_good_example_are_folded_and_rules_unlinked_without_rule_pages():
    html = render(ANNOTATED % ("", CLEAN_WITH_NOTES), show="all", link_rules=False)
    assert '<details class="snipcheck snipcheck-notes"' in html and "<details open" not in html
    assert '<summary class="snipcheck-headline">' in html
    assert "snipcheck:rule/" not in html and '<code class="snipcheck-rule">DG' in html


def test_title_linenums_and_tabs_pass_through():
    html = render('=== "A"\n\n    ```dockerfile title="Dockerfile" linenums="3"\n    FROM scratch\n    ```\n',
                  show="all")
    assert '<span class="filename">Dockerfile</span>' in html and "3" in html and "linenos" in html


def test_generated_pages_join_the_nav_where_the_site_names_them():
    rules = [{"Go builds": ["rules/dg401.md"]}]
    nav = [{"Home": "index.md"}, {"Checks": [{"Rules": "rules/index.md"}]}]
    assert site_setup.nav_with(nav, rules, report=True) == [
        {"Home": "index.md"}, {"Checks": [{"Rules": ["rules/index.md", *rules]}]}, {"Check report": "checks/index.md"}]
    assert site_setup.nav_with(["index.md"], rules, report=False) == [
        "index.md", {"Rule reference": ["rules/index.md", *rules]}]
    assert site_setup.nav_with(None, rules, report=True) is None  # MkDocs lists every page itself
    assert site_setup.nav_with(["index.md"], None, report=False) == ["index.md"]


def test_the_nav_gains_the_generated_pages_once_when_a_nested_build_configures_it_again():
    rules = [{"Go builds": ["rules/dg401.md"]}]
    for nav in ([{"Home": "index.md"}, {"Checks": [{"Rules": "rules/index.md"}]}], ["index.md"]):
        once = site_setup.nav_with(nav, rules, report=True)
        assert site_setup.nav_with(once, rules, report=True) == once


def test_includes_come_from_the_sites_own_snippets_settings(tmp_path):
    exts = ["pymdownx.snippets", "pymdownx.superfences"]
    assert site_setup.include_bases(exts, {"pymdownx.snippets": {"base_path": ["inc"]}}, tmp_path) == [tmp_path / "inc"]
    assert site_setup.include_bases(exts, {}, tmp_path) == [tmp_path]  # pymdownx's default "."
    assert site_setup.include_bases(["pymdownx.superfences"], {}, tmp_path) is None
    (tmp_path / "inc").mkdir()
    docs = tmp_path / "docs"
    assert site_setup.folders_to_watch([tmp_path / "inc", tmp_path / "missing"], docs, []) == [tmp_path / "inc"]


def write_site(folder: Path, extra: str = "", extensions: str = "  - pymdownx.superfences\n") -> Path:
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "index.md").write_text("# Home\n")
    (folder / "mkdocs.yml").write_text(f"site_name: T\nmarkdown_extensions:\n{extensions}{extra}")
    return folder / "mkdocs.yml"


def configured(path: Path):
    config = load_config(str(path))
    config.plugins.run_event("config", config)
    return config, config.plugins["snipcheck"]


def test_missing_superfences_is_a_clear_error(tmp_path):
    path = write_site(tmp_path, "plugins:\n  - snipcheck\n", extensions="  - admonition\n")
    with pytest.raises(PluginError, match="needs the pymdownx.superfences Markdown extension"):
        configured(path)


def test_extra_snipcheck_still_works_and_plugin_options_win(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.snipcheck")
    path = write_site(tmp_path, "plugins:\n  - snipcheck:\n      show: none\n"
                                "extra:\n  snipcheck:\n    fail_on: error\n    show: all\n")
    config, plugin = configured(path)
    assert plugin.checks.config.fail_on.name == "ERROR" and plugin.checks.config.show == "none"
    assert "extra.snipcheck in mkdocs.yml is deprecated" in caplog.text
    assert site_setup.REPORT_PAGE not in str(config.nav)


def test_readme_lists_every_option_as_the_code_documents_it():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert options_table() in readme, "README's options table is stale: paste snipcheck.config.options_table()"


def test_the_cli_reads_the_plugin_options_and_include_folders_from_mkdocs_yml(tmp_path):
    from snipcheck.config import load_file

    path = write_site(tmp_path, "plugins:\n  - search\n  - snipcheck:\n      fail_on: error\n"
                                "extra:\n  snipcheck:\n    fail_on: info\n    ignore: [DG702]\n",
                      extensions="  - pymdownx.superfences\n  - pymdownx.snippets:\n"
                                 "      base_path: [!relative $config_dir/inc, other]\n")
    assert load_file(str(path)) == {"fail_on": "error", "ignore": ["DG702"],
                                    "snippets_base": [f"{tmp_path}/inc", "other"]}


def test_superfences_bundled_in_pymdownx_extra_gets_our_fences_too(tmp_path):
    # As on a real site (uvicorn's docs): both extensions, pymdownx.extra carrying its own SuperFences settings.
    path = write_site(tmp_path, "plugins:\n  - snipcheck\n", extensions=(
        "  - pymdownx.superfences\n  - pymdownx.extra:\n      pymdownx.superfences:\n        custom_fences:\n"
        "          - name: mermaid\n            class: mermaid\n"))
    config, _ = configured(path)
    nested = config.mdx_configs["pymdownx.extra"]["pymdownx.superfences"]["custom_fences"]
    ours = [*FENCE_NAMES, "measured-sizes"]  # every Dockerfile info string, and the size table's fence
    assert [f["name"] for f in nested] == ["mermaid", *ours]
    assert [f["name"] for f in config.mdx_configs["pymdownx.superfences"]["custom_fences"]] == ours
    configured(write_site(tmp_path, "plugins:\n  - snipcheck\n", extensions="  - pymdownx.extra\n"))  # no error


def test_a_pygments_too_old_for_pymdownx_highlight_is_a_clear_error():
    """docker/getting-started pins Pygments 2.7.4: with pymdown-extensions 13, every fenced block of
    the site rendered as inline text and nothing said so. The plugin says so, and how to fix it."""
    with pytest.raises(ConfigError, match=r"Pygments 2\.7\.4 is too old .* pip install 'Pygments>=2\.12'"):
        site_setup.require_pygments({}, "2.7.4")
    for fine in ("2.12.0", "2.21.0", "3.0.0rc1"):
        site_setup.require_pygments({}, fine)
    site_setup.require_pygments({"pymdownx.highlight": {"use_pygments": False}}, "2.7.4")  # highlighted in JS
    site_setup.require_pygments({}, None)  # no Pygments: pymdownx leaves highlighting to JavaScript


def test_the_installed_pygments_is_one_pymdownx_highlight_accepts():
    from importlib.metadata import requires, version

    assert "Pygments>=2.16" in (requires("snipcheck") or [])  # pip upgrades an older one on install
    site_setup.require_pygments({}, version("Pygments"))


def test_a_config_event_without_a_build_does_not_make_later_builds_look_nested(tmp_path, monkeypatch):
    """A tool (or a test) that runs only the config event leaves no build open: MkDocs keeps one
    plugin object per process, and a later build taken for one nested in it lost its results memo."""
    from mkdocs.commands.build import build as mkdocs_build

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    monkeypatch.setenv("SNIPCHECK_CACHE", "0")  # only the in-memory results, which nesting used to lose
    for folder in ("other", "site"):
        (tmp_path / folder).mkdir()
    configured(write_site(tmp_path / "other", "plugins:\n  - snipcheck:\n      show: none\n"))
    path = write_site(tmp_path / "site", "plugins:\n  - snipcheck\n")
    (tmp_path / "site" / "docs" / "index.md").write_text("# Home\n\n```dockerfile\nFROM alpine:3.24\nUSER 65534\n```\n")
    for _ in range(2):
        config = load_config(str(path), site_dir=str(tmp_path / "out"))
        mkdocs_build(config)
    plugin = config.plugins["snipcheck"]
    assert plugin.checks.stats.as_dict()["from_memory"] == 1 and not plugin.outer and not plugin.finishing
