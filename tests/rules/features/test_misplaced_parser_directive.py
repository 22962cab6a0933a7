from spec import assert_catches, assert_clean

R = "DG902"


def test_catches_after_comment():
    assert_catches(R, "# Build the app\n# syntax=docker/dockerfile:1\nFROM alpine:3.20", line=2)


def test_catches_after_empty_line():
    assert_catches(R, "# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine:3.20", line=3)


def test_catches_after_instruction():
    assert_catches(R, "FROM alpine:3.20\n# escape=`\nRUN echo", line=2)


def test_catches_duplicate_and_check_later():
    assert_catches(R, "# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20", line=2)
    assert_catches(R, "FROM alpine:3.20\n# check=error=true\nCMD echo hi")


def test_catches_inside_continuation():
    assert_catches(R, "FROM alpine:3.20\nRUN echo a \\\n# syntax=docker/dockerfile:1\n  && echo b", line=3)


def test_clean_at_top():
    assert_clean(R, "# syntax=docker/dockerfile:1\n# escape=\\\n# check=error=true\nFROM alpine:3.20")


def test_clean_case_and_spaces_at_top():
    assert_clean(R, "#SYNTAX = docker/dockerfile:1\nFROM alpine:3.20")


def test_clean_ordinary_comments():
    assert_clean(R, "FROM alpine:3.20\n# syntax highlighting is off here\n# hadolint ignore=DL3018\nRUN true")


def test_clean_instruction_level_check_skip():
    assert_clean(R, "FROM scratch\n# check=skip=LegacyKeyValueFormat\nENV key value")


def test_clean_heredoc_body():
    assert_clean(R, "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<EOF\n# syntax=whatever\nEOF")
