from spec import assert_catches, assert_clean

RULE = "DG232"


def test_catches():
    assert_catches(RULE, "RUN wget -O - https://some.site | wc -l > /number")
    assert_catches(RULE, """
        FROM debian:bookworm-slim
        SHELL ["/bin/sh", "-o", "pipefail", "-c"]
        RUN wget -O - https://some.site | wc -l > /number
        """, line=3)
    assert_catches(RULE, """
        FROM debian:bookworm-slim AS build
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN a | b
        FROM debian:bookworm-slim
        RUN a | b
        """, line=5, count=1)
    assert_catches(RULE, """
        FROM debian:bookworm-slim
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN a | b
        SHELL ["/bin/sh", "-c"]
        RUN a | b
        """, line=5)
    assert_catches(RULE, "ONBUILD RUN curl -fsSL https://x | tar xz")


def test_clean():
    assert_clean(RULE, "RUN wget -O - https://some.site && wc -l file > /number")
    assert_clean(RULE, 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b')
    assert_clean(RULE, 'SHELL ["/usr/local/bin/zsh", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b')
    assert_clean(RULE, 'SHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object')
    assert_clean(RULE, "RUN set -eo pipefail; curl -fsSL https://x | tar xz")
    assert_clean(RULE, "RUN a || b")
    assert_clean(RULE, 'RUN echo "a | b"')
    # busybox ash: /bin/sh on Alpine understands -o pipefail
    assert_clean(RULE, """
        FROM alpine:3.20
        SHELL ["/bin/sh", "-o", "pipefail", "-c"]
        RUN wget -qO- https://x | tar xz
        """)
    assert_clean(RULE, """
        FROM golang:1.23-alpine AS build
        SHELL ["/bin/ash", "-o", "pipefail", "-c"]
        FROM build
        SHELL ["/bin/sh", "-o", "pipefail", "-c"]
        RUN wget -qO- https://x | tar xz
        """)
