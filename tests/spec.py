"""hadolint-style spec helpers: `assert_catches("DG301", text)` / `assert_clean("DG301", text)`."""

from __future__ import annotations

import textwrap

from snipcheck.config import Config
from snipcheck.registry import RuleSet
from snipcheck.snippets import FenceOptions

RULES = RuleSet()
# Rule specs test what a rule finds; whether a short snippet counts as an excerpt is policy,
# tested in tests/test_excerpts.py. So here every snippet with a FROM is a whole Dockerfile.
WHOLE = Config(whole_image_rules_on_excerpts=True)


def findings(text: str, fragment: bool | None = None, dockerignore: str | None = None, no_tls: bool = False,
             today: str = ""):
    text = textwrap.dedent(text).lstrip("\n")
    if fragment is None:
        fragment = not any(line.strip().upper().startswith("FROM ") for line in text.splitlines())
    from snipcheck.records import replace

    from snipcheck.checker import check_snippet
    from snipcheck.snippets import snippet_from_dockerfile

    snippet = replace(snippet_from_dockerfile("Dockerfile", text, dockerignore),
                      options=FenceOptions(fragment=fragment, no_tls=no_tls))
    return check_snippet(snippet, RULES, replace(WHOLE, today=today)).findings


def fired(rule_id: str, text: str, **kw) -> list:
    return [f for f in findings(text, **kw) if f.rule == rule_id]


def assert_catches(rule_id: str, text: str, count: int | None = None, line: int | None = None, **kw) -> None:
    hits = fired(rule_id, text, **kw)
    assert hits, f"{rule_id} did not fire on:\n{textwrap.dedent(text)}\nfindings: {findings(text, **kw)}"
    if count is not None:
        assert len(hits) == count, f"{rule_id} fired {len(hits)} times, expected {count}: {hits}"
    if line is not None:
        assert hits[0].snippet_line == line, f"{rule_id} fired on line {hits[0].snippet_line}, expected {line}"


def assert_clean(rule_id: str, text: str, **kw) -> None:
    hits = fired(rule_id, text, **kw)
    assert not hits, f"{rule_id} fired unexpectedly: {[h.message for h in hits]}\non:\n{textwrap.dedent(text)}"


def heredoc_go_build(imports: str, build: str = "go build -o /out/app .", extra: str = "") -> str:
    """A Dockerfile that writes its whole Go program with a heredoc (`imports`: one import path a
    line, quoted) and ships it in scratch: the source is shown, so rules can read its imports."""
    imports = imports.replace("\n", "\n        ")
    return f"""
        FROM golang:1.27-trixie AS build
        WORKDIR /src
        COPY <<EOF main.go
        package main

        import ({imports})

        func main() {{ fmt.Println("hello") }}
        EOF
        {extra}RUN go mod init example.com/hello && {build}
        FROM scratch
        COPY --from=build /out/app /app
        USER 65534:65534
        ENTRYPOINT ["/app"]
    """
