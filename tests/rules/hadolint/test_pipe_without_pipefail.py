from spec import assert_catches, assert_clean, fired

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


def test_clean_on_a_windows_base_whose_shell_is_cmd():
    # dotnet-docker's docs: the `^|` pipe is cmd-escaped for PowerShell; pipefail is not a notion there
    windows = ("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2025\n"
               "RUN powershell -Command $ErrorActionPreference = 'Stop'; `\n"
               "    Get-Content C:\\Windows\\win.ini ^| Select-Object -First 1\n")
    assert_clean(RULE, windows)
    assert_clean(RULE, "FROM mcr.microsoft.com/dotnet/sdk:9.0-nanoserver-ltsc2022 AS build\n"
                       "RUN dir | findstr sdk\n")


def test_the_fix_named_is_the_shell_the_base_has():
    [alpine] = fired(RULE, "FROM alpine:3.24\nRUN wget -qO- https://example.com/x.tgz | tar xz\n")
    assert 'SHELL ["/bin/ash", "-o", "pipefail", "-c"]' in alpine.message  # Alpine has no bash
    [debian] = fired(RULE, "FROM debian:trixie-slim\nRUN wget -qO- https://example.com/x.tgz | tar xz\n")
    assert 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' in debian.message
