"""A .dockerignore a page shows in a block of its own goes with the Dockerfile blocks of its section
(DG904 asked for one on docker/getting-started, whose page shows it as an `ignore` block)."""

import pytest
from test_excerpts import fence, rules

from snipcheck.checkcache import snippet_key
from snipcheck.markdown import extract
from snipcheck.records import replace
from snipcheck.registry import RuleSet
from snipcheck.scancache import ScanCache
from snipcheck.shown_dockerignore import covered, heading_level, shows_dockerignore

RULES = RuleSet()
APP = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN yarn install --production\nUSER node\nCMD ["node", "src/index.js"]\n'
MAVEN = "FROM maven:3.9 AS build\nWORKDIR /app\nCOPY . .\nRUN mvn package\n\nFROM tomcat:11\nUSER 1000\nCOPY --from=build /app/target/app.war /usr/local/tomcat/webapps/\n"


@pytest.mark.parametrize("lang, header, lead, body", [
    ("dockerignore", "```dockerignore", [], "node_modules"),
    ("", '``` title=".dockerignore"', [], "node_modules"),
    ("text", "```text title='app/.dockerignore'", [], ".git"),
    ("ignore", "```ignore", ["1. Create a file named `.dockerignore` in the same folder with the following contents."], "node_modules"),
    ("", "```", ['=== ".dockerignore"'], "node_modules"),
    ("bash", "```bash", ["Then:"], "cat > .dockerignore <<EOF\nnode_modules\nEOF"),
    ("sh", "```sh", [], "echo node_modules >> app/.dockerignore"),
    ("console", "```console", [], "$ printf '.git\\n' | tee .dockerignore"),
])
def test_blocks_that_show_a_dockerignore(lang, header, lead, body):
    assert shows_dockerignore(lang, header, lead, body)


@pytest.mark.parametrize("lang, header, lead, body", [
    ("bash", "```bash", ["Build it; the .dockerignore keeps node_modules out:"], "docker build -t app ."),
    ("text", "```text", ["The build log:"], "=> [internal] load .dockerignore"),
    ("", '``` title=".gitignore"', [], "node_modules"),
    ("ignore", "```ignore", ["Create a `.gitignore` with:"], "node_modules"),
    ("python", "```python", ["Read the .dockerignore:"], "open('.dockerignore')"),
    ("yaml", "```yaml", ["No .dockerignore is needed here:"], "x: 1"),
])
def test_blocks_that_do_not(lang, header, lead, body):
    assert not shows_dockerignore(lang, header, lead, body)


def test_headings_atx_and_setext_but_not_lists_quotes_or_rules_after_a_blank():
    assert heading_level("## Layer caching", "") == 2
    assert heading_level("###### deep", "x") == 6
    assert heading_level("Title", "") is None
    assert heading_level("=====", "Title") == 1
    assert heading_level("-----", "Section") == 2
    assert heading_level("-----", "") is None  # a thematic break
    assert heading_level("---", "- item") is None
    assert heading_level("#hashtag", "") is None
    assert heading_level("    # code", "") is None


def test_a_section_runs_to_the_next_heading_of_its_level_or_higher():
    headings = [(0, 1), (10, 2), (20, 3), (30, 3), (40, 2)]
    assert covered([25], headings, 22) and covered([25], headings, 29)
    assert not covered([25], headings, 31) and not covered([25], headings, 15)
    assert covered([12], headings, 35) and not covered([12], headings, 41)  # a subsection is in its section
    assert covered([5], headings, 45)  # under the page title: the whole page
    assert covered([3], [], 500)  # no headings: the whole page


GETTING_STARTED_LIKE = (
    "# Best practices\n\n## Layer caching\n\nThe Dockerfile again:\n\n" + fence(APP)
    + "\n1. Create a file named `.dockerignore` in the same folder as the Dockerfile with the following contents.\n\n"
    "    ```ignore\n    node_modules\n    ```\n\n## Multi-stage builds\n\n" + fence(MAVEN))


def test_the_dockerignore_of_a_section_quiets_dg904_there_and_only_there():
    snippets, _ = extract("page.md", GETTING_STARTED_LIKE, None, RULES.ids)
    assert [s.dockerignore_shown for s in snippets] == [True, False]
    assert rules(GETTING_STARTED_LIKE).count("DG904") == 1  # the maven example, in a section without one
    without = GETTING_STARTED_LIKE.replace("`.dockerignore`", "`.gitignore`")
    assert rules(without).count("DG904") == 2


def test_a_dockerignore_shown_after_the_dockerfile_or_in_a_tab_counts_and_headings_in_fences_do_not_split():
    page = ("## Build\n\n" + fence(APP) + "\n```bash\n# a comment, not a heading\ndocker build .\n```\n\n"
            '=== ".dockerignore"\n\n    ```\n    node_modules\n    ```\n')
    assert "DG904" not in rules(page)
    assert "DG904" in rules(page.replace('=== ".dockerignore"', '=== "Output"'))


def test_the_flag_is_part_of_the_check_cache_key_and_survives_the_scan_cache(tmp_path):
    snippets, _ = extract("page.md", GETTING_STARTED_LIKE, None, RULES.ids)
    shown, other = snippets
    assert snippet_key(shown, "salt") != snippet_key(replace(shown, dockerignore_shown=False), "salt")
    first = ScanCache.for_site(tmp_path, tmp_path, "fingerprint", RULES.ids, False, None)
    first.extract(extract, "page.md", GETTING_STARTED_LIKE, None, known_rules=RULES.ids)
    first.save()
    second = ScanCache.for_site(tmp_path, tmp_path, "fingerprint", RULES.ids, False, None)
    again, _ = second.extract(extract, "page.md", GETTING_STARTED_LIKE, None, known_rules=RULES.ids)
    assert second.hits == 1 and again == [shown, other] and again[0].dockerignore_shown
