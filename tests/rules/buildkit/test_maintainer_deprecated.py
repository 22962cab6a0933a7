from spec import assert_catches, assert_clean

RULE = "DG108"


def test_catches():
    assert_catches(RULE, "FROM scratch\nMAINTAINER me@example.org\n", line=2)
    assert_catches(RULE, "MAINTAINER moby@example.com")
    assert_catches(RULE, "MAINTAINER Lukas\nFROM debian:bookworm-slim\n")


def test_clean():
    assert_clean(RULE, 'FROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n')
    assert_clean(RULE, "FROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n")
    assert_clean(RULE, "FROM debian:bookworm-slim\n# hadolint ignore=DL4000\nMAINTAINER me@example.org\n")
