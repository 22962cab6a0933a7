"""DG906 comment-after-instruction: `#` after an instruction is an argument, not a comment."""

import pytest
from spec import assert_catches, assert_clean, findings, fired

R = "DG906"


@pytest.mark.parametrize("line", [
    "ENV A=1 # note",
    "EXPOSE 8080 # http",
    "COPY a b # x",
    "FROM alpine:3.20 AS y # z",
    "WORKDIR /app # x",
    "USER app # x",
    "LABEL a=b # c",
    "ARG X=1 # c",
    "VOLUME /data # x",
    "STOPSIGNAL SIGTERM # graceful",
    'CMD ["app", "serve"] # start',
    'ENTRYPOINT ["/app"] # x',
    'RUN ["go", "build"] # exec form',
    'HEALTHCHECK CMD ["/app", "health"] # probe',
    "ONBUILD WORKDIR /src # later",
])
def test_catches_a_comment_that_changes_meaning(line):
    assert_catches(R, f"FROM alpine:3.20\n{line}\n", count=1, line=2)


@pytest.mark.parametrize("line", [
    "RUN apt-get update # refresh",  # shell form: the shell's own comment
    "CMD node server.js # the shell drops this",
    "ENTRYPOINT exec /app # same",
    "ENV C=#fff",  # `#` inside a word
    'LABEL description="a # b"',  # inside quotes
    "ENV A='x # y' B=1",
    "ADD https://example.com/file.tar.gz#sha /tmp/",
    "# a comment line",
    "MAINTAINER someone # old",  # free text: nothing changes
])
def test_clean_where_nothing_changes(line):
    assert_clean(R, f"FROM alpine:3.20\n{line}\n")


def test_points_at_the_line_with_the_comment_and_says_what_happens():
    text = "FROM alpine:3.20\nCOPY a \\\n  # a comment line is dropped\n  b /dst/ # note\n"
    hits = fired(R, text)
    assert [h.snippet_line for h in hits] == [4]
    assert "`# note` after COPY is an argument" in hits[0].message
    assert "sources and the destination" in hits[0].message


def test_other_rules_judge_the_paths_the_author_meant():
    # one cause, one finding: the comment's words are not read as a third source and a destination
    text = "FROM alpine:3.20\nWORKDIR /srv\nCOPY foo /foo\nCOPY bar/ /   # bar contains a file called foo\n"
    assert sorted({f.rule for f in findings(text)} & {"DG218", "DG223", "DG906"}) == ["DG906"]
