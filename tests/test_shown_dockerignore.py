"""A .dockerignore a page shows in a block of its own goes with the page's Dockerfile blocks
(DG904 asked for one on docker/getting-started, whose page shows it as an `ignore` block)."""

import pytest
from test_excerpts import fence, rules

from snipcheck.checkcache import snippet_key
from snipcheck.markdown import extract
from snipcheck.records import replace
from snipcheck.registry import RuleSet
from snipcheck.scancache import ScanCache
from snipcheck.shown_dockerignore import shows_dockerignore

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


GETTING_STARTED_LIKE = (
    "# Best practices\n\n## Layer caching\n\nThe Dockerfile again:\n\n" + fence(APP)
    + "\n1. Create a file named `.dockerignore` in the same folder as the Dockerfile with the following contents.\n\n"
    "    ```ignore\n    node_modules\n    ```\n\n## Multi-stage builds\n\n" + fence(MAVEN))


def test_a_dockerignore_the_page_shows_quiets_dg904_on_its_dockerfiles():
    snippets, _ = extract("page.md", GETTING_STARTED_LIKE, None, RULES.ids)
    assert [s.dockerignore_shown for s in snippets] == [True, True]
    assert "DG904" not in rules(GETTING_STARTED_LIKE)
    without = GETTING_STARTED_LIKE.replace("`.dockerignore`", "`.gitignore`")
    assert rules(without).count("DG904") == 2


def test_a_later_step_or_a_tab_counts_and_another_page_does_not():
    # "Step 3: the Dockerfile", "Step 4: .dockerignore": sibling headings, one tutorial
    page = ("### Step 3: the Dockerfile\n\n" + fence(APP) + "\n### Step 4: .dockerignore\n\n"
            '=== ".dockerignore"\n\n    ```\n    node_modules\n    ```\n')
    assert "DG904" not in rules(page)
    assert "DG904" in rules(page.replace('=== ".dockerignore"', '=== "Output"').replace("Step 4: .dockerignore", "Step 4"))
    assert "DG904" in rules("### Step 3: the Dockerfile\n\n" + fence(APP))


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
