"""Finding Dockerfile fences the way SuperFences does, and mapping every line to its source."""

import textwrap

from spec import RULES

from snipcheck.markdown import extract
from snipcheck.snippets import Location

FILES = {
    "ex.Dockerfile": "FROM scratch\n# --8<-- [start:tail]\nUSER 65534\n# --8<-- [end:tail]\n",
    "nested.md": '```dockerfile\n--8<-- "ex.Dockerfile"\n```\n',
}


def read(name):
    return (f"snippets/{name}", FILES[name]) if name in FILES else None


def run(md):
    return extract("docs/page.md", textwrap.dedent(md).lstrip("\n"), read, RULES.ids)


def test_fence_forms_backticks_tildes_long_and_braces():
    snippets, problems = run('''
        ```dockerfile
        FROM a
        ```

        ~~~Dockerfile title="x"
        FROM b
        ~~~

        ````docker
        FROM c
        ````

        ``` { .dockerfile expect="DG201" }
        FROM d:latest
        ```

        ```python
        FROM not_docker
        ```
    ''')
    assert [s.text for s in snippets] == ["FROM a\n", "FROM b\n", "FROM c\n", "FROM d:latest\n"]
    assert snippets[3].options.expect == ("DG201",) and not problems


def test_nested_in_lists_admonitions_tabs_and_details():
    snippets, _ = run('''
        - item

            ```dockerfile
            FROM list
            ```

        !!! note
            ```dockerfile
            FROM admonition
            ```

        === "Tab"

            ??? info "Details"

                ```dockerfile
                FROM tab_details
                ```

        > ```dockerfile
        > FROM quote
        > ```
    ''')
    assert [s.text for s in snippets] == ["FROM list\n", "FROM admonition\n", "FROM tab_details\n", "FROM quote\n"]
    assert [s.lines[0].line for s in snippets] == [4, 9, 17, 21]


def test_included_lines_point_at_the_included_file():
    snippets, _ = run('''
        Text

        ```dockerfile
        # header on the page
        --8<-- "ex.Dockerfile"
        ```
    ''')
    s = snippets[0]
    assert s.text == "# header on the page\nFROM scratch\nUSER 65534\n"
    assert s.lines == (Location("docs/page.md", 4), Location("snippets/ex.Dockerfile", 1),
                       Location("snippets/ex.Dockerfile", 3))
    assert s.fence == Location("docs/page.md", 3)


def test_named_section_and_line_range():
    snippets, _ = run('''
        ```dockerfile fragment
        --8<-- "ex.Dockerfile:tail"
        ```

        ```dockerfile
        --8<-- "ex.Dockerfile:1:1"
        ```
    ''')
    assert snippets[0].text == "USER 65534\n" and snippets[0].lines == (Location("snippets/ex.Dockerfile", 3),)
    assert snippets[1].text == "FROM scratch\n"


def test_page_level_include_of_markdown_with_a_fence():
    snippets, _ = run('--8<-- "nested.md"\n')
    assert snippets[0].text == "FROM scratch\nUSER 65534\n" and snippets[0].fence.file == "snippets/nested.md"


def test_missing_include_is_a_problem_on_its_snippet():
    snippets, problems = run('''
        ```dockerfile
        --8<-- "nope.Dockerfile"
        ```
    ''')
    assert not problems
    assert [(p.rule, p.location.line) for p in snippets[0].problems] == [("DG005", 2)]


def test_unterminated_and_badly_indented_fences_are_reported():
    _, problems = run('''
        !!! tip
            ```dockerfile
        FROM scratch
            ```

        ```dockerfile
        FROM x
    ''')
    assert [(p.rule, p.location.line) for p in problems] == [("DG006", 2), ("DG006", 6)]


def test_malformed_and_unknown_options():
    snippets, problems = run('''
        ```dockerfile expct="DG201"
        FROM a
        ```

        ```dockerfile expect="DG999"
        FROM a
        ```

        ```dockerfile skip
        FROM a
        ```

        ```dockerfile expect=DG201
        FROM a
        ```
    ''')
    messages = [p.message for s in snippets for p in s.problems] + [p.message for p in problems]
    assert len(messages) == 4 and all(p.rule == "DG002" for s in snippets for p in s.problems)
    assert "expct" in messages[0] and "DG999" in messages[1] and "skip" in messages[2] and "malformed" in messages[3]
    assert len(snippets) == 3  # SuperFences renders the malformed one as text: it is no snippet


def test_malformed_fence_is_text_and_its_closing_line_opens_a_fence():
    # As SuperFences renders it: the second fence is swallowed by the fence the first one's
    # closing line opens; the third, identical to the first, is a snippet of its own.
    snippets, problems = run('''
        ```dockerfile expect=DG201
        FROM a
        ```

        ```dockerfile
        FROM a
        ```

        ```dockerfile
        FROM a
        ```
    ''')
    assert [p.rule for p in problems] == ["DG002"] and problems[0].location.line == 1
    assert [s.fence.line for s in snippets] == [9]


def test_front_matter_keeps_real_line_numbers():
    snippets, _ = extract("docs/p.md", "---\ntitle: x\n---\n\n```dockerfile\nFROM a\n```\n", read, RULES.ids)
    assert snippets[0].lines[0] == Location("docs/p.md", 6)


def test_tab_indented_fence():
    snippets, _ = extract("docs/p.md", "- x\n\n\t```dockerfile\n\tFROM a\n\t```\n", read, RULES.ids)
    assert snippets[0].text == "FROM a\n"


def _render_count(md_text: str) -> int:
    """Dockerfile blocks the real renderer produces (Python-Markdown + pymdownx, as in mkdocs.yml)."""
    import markdown

    md = markdown.Markdown(
        extensions=["admonition", "attr_list", "md_in_html", "pymdownx.details", "pymdownx.superfences",
                    "pymdownx.tabbed", "pymdownx.highlight"],
        extension_configs={"pymdownx.highlight": {"pygments_lang_class": True},
                           "pymdownx.tabbed": {"alternate_style": True}},
    )
    html = md.convert(md_text)
    return html.count("language-dockerfile") + html.count("language-docker\"") + html.count("language-Dockerfile")


RENDER_CASES = [
    "```dockerfile\nFROM a\n```\n",
    "- item\n\n    ```dockerfile\n    FROM a\n    ```\n",
    '!!! note\n    ```dockerfile\n    FROM a\n    ```\n\n=== "T"\n\n    ```dockerfile\n    FROM b\n    ```\n',
    "> ```dockerfile\n> FROM a\n> ```\n",
    "!!! tip\n    ```dockerfile\nFROM scratch\n    ```\n",
    "```dockerfile\nFROM a\n",
    "````dockerfile\n```\nFROM a\n````\n",
    "~~~dockerfile\nFROM a\n~~~\n\n```text\n```dockerfile\nnot a fence\n```\n",
    "``` {.dockerfile}\nFROM a\n```\n",
]


def test_scanner_finds_what_the_renderer_renders():
    for case in RENDER_CASES:
        snippets, _ = extract("p.md", case, read, RULES.ids)
        assert len(snippets) == _render_count(case), case
