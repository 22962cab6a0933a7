"""No crash on any input: mutated Dockerfiles and Markdown through the whole pipeline.

1,000 derandomized examples per property here, so CI is deterministic; `make fuzz`
(tools/fuzz.py) runs the same properties with 100,000 random ones.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fuzz_strategies import (check_dockerfile, check_hostile, check_page, corpus, dockerfiles, hostile_pages,
                             markdown_pages)
from snipcheck.checker import check_text
from snipcheck.registry import RuleSet

FUZZ = settings(max_examples=1000, deadline=None, derandomize=True, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def test_corpus_has_docs_rules_and_snippets():
    dockerfiles_, pages = corpus()
    assert len(dockerfiles_) > 20 and pages


@FUZZ
@given(markdown_pages())
def test_any_markdown_page_gives_findings_not_crashes(page_and_includes):
    check_page(*page_and_includes)


@FUZZ
@given(dockerfiles())
def test_any_dockerfile_gives_findings_not_crashes(text):
    check_dockerfile(text)


def _long_snippet(lines: int) -> str:
    body = ["# syntax=docker/dockerfile:1", "FROM golang:1.24 AS build", "ARG VERSION"]
    while len(body) < lines - 4:
        n = len(body)
        body += [f"RUN echo {n} $VERSION \\", f"    && echo continued-{n}", f"ENV V{n}=x{n}"]
    body += ["FROM scratch", "COPY --from=build /out/app /app", "USER 65534:65534", 'ENTRYPOINT ["/app"]']
    return "\n".join(body[:lines]) + "\n"


def test_ten_thousand_line_snippet_is_checked():
    text = _long_snippet(10_000)
    assert text.count("\n") == 10_000
    result = check_text(text, RuleSet())
    assert result.status in ("pass", "fail")
    check_dockerfile(text)
    report = check_page("# Long\n\n```dockerfile\n" + text + "```\n", {})
    assert len(report.results) == 1 and report.results[0].snippet.text == text


def test_ten_thousand_line_unterminated_heredoc_and_continuation():
    check_dockerfile("FROM alpine:3.20\nRUN <<EOF\n" + "echo x\n" * 10_000)
    check_dockerfile("FROM alpine:3.20\nRUN a \\\n" + "  b \\\n" * 10_000)
    check_dockerfile("FROM alpine:3.20\nRUN " + "x" * 100_000 + "\n")


# -- what fuzzing found: the scanner now agrees with MkDocs/SuperFences/pymdownx.snippets ---------------

def _rendered_and_problems(page: str, includes: dict[str, str] | None = None):
    report = check_page(page, includes or {})
    return [r.snippet.text for r in report.results], [(f.rule, f.line) for f in report.problems]


def test_a_bom_does_not_hide_a_first_line_fence():
    texts, _ = _rendered_and_problems("\ufeff```dockerfile\nFROM alpine:3.20\nUSER 65534:65534\n```\n")
    assert texts == ["FROM alpine:3.20\nUSER 65534:65534\n"]


def test_an_unterminated_fence_swallows_the_fences_after_it():
    texts, problems = _rendered_and_problems("````python\nprint(1)\n\n```dockerfile\nFROM alpine:3.20\n```\n")
    assert texts == [] and problems == [("DG006", 4)]  # SuperFences renders no Dockerfile here


def test_a_rejected_header_is_text_and_its_closing_line_opens_a_fence():
    page = "```python bogus=1\nx\n```\n\n```dockerfile\nFROM alpine:3.20\n```\n"
    texts, _ = _rendered_and_problems(page)
    assert texts == []  # lines 3-7 are one plain code block in the built page


def test_block_include_paths_are_indented_by_their_own_line():
    page = "- item\n\n  ```dockerfile\n--8<--\n  part.Dockerfile\n\n  ;commented.Dockerfile\n  --8<--\n  ```\n"
    texts, problems = _rendered_and_problems(page, {"part.Dockerfile": "FROM alpine:3.20\nUSER 65534:65534\n"})
    assert texts == ["FROM alpine:3.20\nUSER 65534:65534\n\n"] and problems == []


HOSTILE = settings(max_examples=300, deadline=None, derandomize=True, database=None, print_blob=True,
                   suppress_health_check=list(HealthCheck))


@HOSTILE
@given(hostile_pages())
def test_hostile_names_options_and_include_paths_leak_nothing(name_and_page):
    check_hostile(*name_and_page)
