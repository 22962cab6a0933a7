from spec import assert_catches, assert_clean

RULE = "DG210"


def test_catches():
    assert_catches(RULE, "RUN apt-get update && apt-get install -y python")
    assert_catches(RULE, """
        FROM ubuntu:24.04 AS base
        RUN apt-get update && apt-get install -y python3
        FROM base
        USER 65534
        """, line=2)
    assert_catches(RULE, """
        FROM ubuntu:24.04 AS foo
        ONBUILD RUN apt-get update && apt-get install -y python3
        FROM scratch
        """)
    assert_catches(RULE, """
        RUN --mount=type=cache,target=/var/cache/apt \\
            apt-get update && apt-get install -y python3
        """)


def test_clean():
    assert_clean(RULE, "RUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*")
    assert_clean(RULE, """
        FROM ubuntu:24.04 AS build
        RUN apt-get update && apt-get install -y gcc
        FROM scratch
        COPY --from=build /usr/bin/gcc /gcc
        """)
    assert_clean(RULE, "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x")
    assert_clean(RULE, """
        RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
            --mount=type=cache,target=/var/lib/apt,sharing=locked \\
            apt-get update && apt-get install -y gcc
        """)
