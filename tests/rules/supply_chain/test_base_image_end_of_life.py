"""DG806 base-image-end-of-life. Dates are fixed with `today` so the specs do not age."""

import pytest
from spec import assert_catches, assert_clean, fired

R = "DG806"
DAY = "2026-11-29"  # the day issue 7 was written


def test_catches_distroless_debian12_final_stage_on_its_from_line():
    text = """
        FROM golang:1.27 AS build
        RUN go version
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /usr/local/go/VERSION /VERSION
    """
    assert_catches(R, text, count=1, line=3, today=DAY)
    message = fired(R, text, today=DAY)[0].message
    assert "2026-09-01" in message and "github.com/GoogleContainerTools/distroless" in message


def test_clean_distroless_debian13():
    assert_clean(R, "FROM gcr.io/distroless/static-debian13:nonroot", today=DAY)


def test_catches_alpine_golang_and_debian_past_their_end():
    assert_catches(R, "FROM alpine:3.20", line=1, today=DAY)
    assert_catches(R, "FROM golang:1.22", today=DAY)
    assert_catches(R, "FROM debian:bullseye-slim", today=DAY)
    assert_catches(R, "FROM golang:1.16-buster", count=1, today=DAY)  # one finding per FROM


def test_clean_maintained_releases():
    assert_clean(R, "FROM alpine:3.24\nFROM golang:1.27\nFROM golang:1.27-trixie\nFROM debian:trixie-slim",
                 today=DAY)


def test_message_names_date_and_source():
    (hit,) = fired(R, "FROM golang:1.22", today=DAY)
    assert "2025-02-11" in hit.message and "go.dev/doc/devel/release" in hit.message
    assert str(hit.severity) == "warning"


def test_info_when_the_end_is_within_90_days():
    (hit,) = fired(R, "FROM alpine:3.21", today="2026-09-01")  # ends 2026-11-01: 61 days
    assert str(hit.severity) == "info" and "61 days" in hit.message
    assert_clean(R, "FROM alpine:3.21", today="2026-07-01")  # 123 days: not yet


def test_golang_alpine_variant_follows_both_lifecycles():
    (hit,) = fired(R, "FROM golang:1.27-alpine3.20", today=DAY)
    assert "Alpine 3.20" in hit.message


def test_today_decides():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12", today="2026-05-01")
    assert_catches(R, "FROM debian:trixie-slim", today="2030-07-01")


def test_arg_default_is_resolved():
    assert_catches(R, "ARG BASE=alpine:3.19\nFROM $BASE", line=2, today=DAY)


def test_clean_unknown_and_moving_tags():
    assert_clean(R, """
        FROM alpine:latest AS a
        FROM golang:alpine AS b
        FROM gcr.io/distroless/static:nonroot AS c
        FROM registry.example/debian:9 AS d
        FROM a
        FROM scratch
    """, today=DAY)


def test_the_lifecycle_file_reads_as_tomllib_reads_it():
    """The quick line reader gives exactly tomllib's data for the shipped file, and hands anything
    outside its subset to tomllib (so a richer edit still reads, and a broken one still fails)."""
    import tomllib

    from snipcheck.lifecycle import DATA, read_table_file

    text = (DATA / "lifecycle.toml").read_text(encoding="utf-8")
    assert read_table_file(text) == tomllib.loads(text)
    richer = text + '\n[[go]]\nversion = "1.99"\nend = 2099-01-01\nsource = "x"\nalso = ["a", "b"]  # a list\n'
    assert read_table_file(richer) == tomllib.loads(richer)
    for broken in ('[[go]]\nend = 2024-13-01\n', '[[go]]\nversion = "1"\nversion = "2"\n', '[[go]\n'):
        with pytest.raises(tomllib.TOMLDecodeError):
            read_table_file(broken)


def test_go_without_an_announced_end_is_reported_once_its_cadence_date_passes():
    """The guide's own default (golang:1.27) must not stay green after Go 1.29 ships just because
    nobody updated the table: the cadence gives 2027-08-31."""
    assert_clean(R, "FROM golang:1.27-trixie", today="2027-08-31")
    (hit,) = fired(R, "FROM golang:1.27-trixie", today="2027-09-01")
    assert str(hit.severity) == "warning" and "probably past its end of life" in hit.message
    assert "2027-08-31" in hit.message and "estimate" in hit.message and "Go 1.29" in hit.message
    assert_clean(R, "FROM golang:1.26", today="2027-01-15")  # an estimate earns no "ends soon" note
    assert_catches(R, "FROM golang:1.26-alpine3.23", today="2027-03-01")


def test_go_newer_than_the_table_is_judged_by_the_cadence_too():
    assert_clean(R, "FROM golang:1.31", today="2029-08-31")
    (hit,) = fired(R, "FROM golang:1.31", today="2029-09-01")
    assert "Go 1.31" in hit.message and "Go 1.33 is due in August 2029" in hit.message


def test_the_cadence_agrees_with_every_announced_go_end():
    """Each confirmed end date in the table falls in the month the cadence predicts, on or before
    its last day: the estimate is never earlier than what Go actually did."""
    from snipcheck.lifecycle import _table, go_due

    announced = {k: lc for k, lc in _table()["go"].items() if not lc.estimated}
    assert len(announced) >= 8
    for version, lc in announced.items():
        due = go_due(int(version.split(".")[1]))
        assert (lc.end.year, lc.end.month) == (due.year, due.month) and lc.end <= due, version


def test_an_estimate_still_ahead_does_not_hide_another_release_ending_soon():
    """golang:1.26-alpine3.21 on 2027-01-15: Go 1.26's estimated end (2027-02-28) is still ahead;
    with Alpine 3.21's end moved past it in a table of our own, Alpine's "ends soon" note still shows."""
    from snipcheck import lifecycle
    from snipcheck.records import replace

    table = lifecycle._table()
    alpine = table["alpine"]["3.21"]
    lifecycle.lifecycles.cache_clear()
    try:
        table["alpine"]["3.21"] = replace(alpine, end=__import__("datetime").date(2027, 3, 10))
        (hit,) = fired(R, "FROM golang:1.26-alpine3.21", today="2027-01-15")
        assert "Alpine 3.21" in hit.message and "54 days" in hit.message
    finally:
        table["alpine"]["3.21"] = alpine
        lifecycle.lifecycles.cache_clear()


def test_the_cadence_note_names_the_successor_and_its_month():
    """Spelt out for February and August (strftime's %B would follow the process's locale)."""
    from snipcheck.lifecycle import _cadence_note

    assert _cadence_note(26) == "going by Go's release cadence, Go 1.28 is due in February 2027"
    assert _cadence_note(27) == "going by Go's release cadence, Go 1.29 is due in August 2027"
