"""The parser against BuildKit's rules: directives, escapes, continuations, heredocs, forms, errors."""

import pytest

from snipcheck.parser import parse


def kw(text):
    return [(i.keyword, i.line) for i in parse(text).instructions]


def test_continuation_with_comment_and_empty_lines_inside():
    df = parse("FROM a\nRUN echo 1 \\\n# a comment\n\n    && echo 2\nUSER 1\n")
    assert kw(df.text) == [("FROM", 1), ("RUN", 2), ("USER", 6)]
    run = df.instructions[1]
    assert run.end_line == 5 and "echo 2" in run.args
    assert run.empty_continuation_lines == (4,)
    assert any(c.text == "a comment" and c.line == 3 for c in df.comments)


def test_escape_directive_switches_to_backtick():
    df = parse("# escape=`\nFROM a\nRUN echo \\ `\n  done\n")
    assert df.escape == "`"
    assert df.instructions[1].args.startswith("echo \\ ") and df.instructions[1].end_line == 4


def test_directive_only_at_the_very_top():
    df = parse("FROM a\n# syntax=docker/dockerfile:1\n")
    assert df.directives == ()
    assert parse("# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a\n").directive("check").value == "skip=all"


def test_heredoc_body_is_not_instructions():
    df = parse("FROM a\nRUN <<EOF\necho hi\nFROM fake\nEOF\nUSER 1\n")
    assert kw(df.text) == [("FROM", 1), ("RUN", 2), ("USER", 6)]
    assert df.instructions[1].heredocs[0].body == "echo hi\nFROM fake\n"


def test_heredoc_variants_quoted_and_dash_and_two_docs():
    df = parse("FROM a\nCOPY <<-\"A\" <<B /x/\n\tone\n\tA\ntwo\nB\n")
    docs = df.instructions[1].heredocs
    assert [(d.name, d.quoted, d.strip_tabs) for d in docs] == [("A", True, True), ("B", False, False)]
    assert docs[0].body == "one\n" and docs[1].body == "two\n" and df.errors == ()


def test_json_and_shell_forms():
    df = parse('FROM a\nCMD ["app", "serve"]\nENTRYPOINT app serve\nCMD ["broken", \'x\']\n')
    cmd, ep, broken = df.instructions[1:]
    assert cmd.json_args == ("app", "serve") and ep.json_args is None and broken.json_args is None


def test_flags_are_split_off():
    df = parse("FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nRUN --mount=type=cache,target=/go/pkg/mod "
               "--network=none go build\nCOPY --from=b --chown=1:1 --link /a /b\n")
    f, r, c = df.instructions
    assert f.flag("platform") == "$BUILDPLATFORM" and f.args == "golang:1.23 AS b"
    assert r.flag_values("mount") == ("type=cache,target=/go/pkg/mod",) and r.args == "go build"
    assert c.flag("from") == "b" and c.flag("link") == "" and c.args == "/a /b"


def test_onbuild_has_inner_instruction():
    ins = parse("FROM a\nONBUILD RUN apk add x\n").instructions[1]
    assert ins.keyword == "ONBUILD" and ins.inner.keyword == "RUN" and ins.inner.args == "apk add x"


def test_keyword_casing_is_kept():
    ins = parse("from a\nrun x\n").instructions
    assert [(i.keyword, i.raw_keyword) for i in ins] == [("FROM", "from"), ("RUN", "run")]


@pytest.mark.parametrize("text,kind,line", [
    ("FROM a\nRUN <<EOF\necho\n", "unterminated-heredoc", 2),
    ("FROM a\nRUN echo \\\n", "broken-continuation", 2),
    ("FROM a\nFORM b\n", "unknown-instruction", 2),
    ("# escape=x\nFROM a\n", "bad-directive", 1),
])
def test_errors_have_kind_and_line(text, kind, line):
    errors = parse(text).errors
    assert [(e.kind, e.line) for e in errors] == [(kind, line)]


def test_binary_junk_is_errors_not_exceptions():
    junk = "FROM a\n\x00\x01\x02 \xff\ufffd\nRUN ok\n\x7fELF\x02\x01\n"
    df = parse(junk)
    assert [i.keyword for i in df.instructions] == ["FROM", "RUN"]
    assert {e.line for e in df.errors} == {2, 4}


def test_crlf_and_bom():
    df = parse("\ufeffFROM a\r\nRUN x \\\r\n  y\r\n")
    assert kw(df.text) == [("FROM", 1), ("RUN", 2)] and df.instructions[1].end_line == 3


def test_ten_thousand_lines():
    text = "FROM debian:bookworm-slim\n" + "".join(f"RUN echo {i} \\\n  && true\n" for i in range(5000))
    df = parse(text)
    assert len(df.instructions) == 5001 and df.instructions[-1].end_line == 10001
