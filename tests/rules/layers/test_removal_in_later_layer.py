"""DG610 removal-in-later-layer."""

from spec import assert_catches, assert_clean


def test_catches_removal_in_a_stage_built_from_the_installing_stage():
    assert_catches("DG610", """
        FROM alpine:3.20 AS base
        RUN apk add --no-cache gcc
        FROM base
        RUN apk del gcc
        USER 65534:65534
    """, line=4)


R = "DG610"


def test_catches_apk_del_in_a_later_run():
    assert_catches(R, """
        FROM alpine:3.20
        RUN apk add --no-cache gcc musl-dev
        WORKDIR /src
        RUN apk del gcc musl-dev
    """, count=1, line=4)


def test_catches_apt_get_purge_in_a_later_run():
    assert_catches(R, """
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends build-essential
        RUN apt-get purge -y build-essential && apt-get autoremove -y
    """, line=3)


def test_catches_rm_of_a_copied_directory():
    assert_catches(R, """
        FROM alpine:3.20
        COPY src/ /src/
        RUN rm -rf /src
    """, count=1, line=3)


def test_catches_through_a_chain_several_stages_deep():
    assert_catches(R, """
        FROM debian:bookworm-slim AS base
        RUN apt-get install -y --no-install-recommends curl
        FROM base AS mid
        COPY vendor /opt/vendor
        FROM mid AS app
        RUN apt-get remove -y curl && rm -r /opt/vendor/
        FROM app
    """, count=2, line=6)


def test_catches_install_in_a_heredoc_removed_later():
    assert_catches(R, """
        FROM alpine:3.20
        RUN <<EOF
        apk add --no-cache git
        EOF
        RUN apk del git
    """, line=5)


def test_clean_removal_in_the_same_run():
    assert_clean(R, """
        FROM alpine:3.20
        RUN apk add --no-cache --virtual .build gcc musl-dev && make && apk del .build gcc musl-dev
    """)


def test_clean_builder_stage_not_in_final_image():
    assert_clean(R, """
        FROM alpine:3.20 AS build
        RUN apk add --no-cache gcc
        COPY src/ /src/
        RUN apk del gcc && rm -rf /src
        FROM scratch
    """)


def test_clean_removing_what_was_never_added():
    assert_clean(R, """
        FROM alpine:3.20
        COPY app /usr/local/bin/app
        RUN apk del apk-tools && rm -rf /var/cache/apk /tmp
    """)


def test_clean_non_recursive_rm_and_sibling_stage():
    assert_clean(R, """
        FROM alpine:3.20 AS tools
        RUN apk add --no-cache curl
        FROM alpine:3.20
        COPY --from=tools /usr/bin/curl /usr/bin/curl
        RUN apk del curl && rm -f /usr/bin/curl
    """)


def test_clean_fragment():
    assert_clean(R, "RUN apk add --no-cache gcc\nRUN apk del gcc")
