from spec import assert_catches, assert_clean

R = "DG612"
END = "\nCOPY app /app\nENTRYPOINT [\"/app\"]\n"


def test_catches_compiler_in_final_stage():
    assert_catches(R, "FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev" + END, line=2)


def test_catches_dev_headers_and_git_with_apt():
    assert_catches(R, "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends "
                      "libssl-dev=3.0 git && rm -rf /var/lib/apt/lists/*" + END)


def test_catches_in_parent_stage_several_steps_up():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        RUN apk add --no-cache build-base
        FROM base AS deps
        RUN true
        FROM deps
        COPY app /app
        ENTRYPOINT ["/app"]
    """, line=2)


def test_catches_unnamed_final_stage_of_multi_stage_file_without_cmd():
    assert_catches(R, "FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN apk add --no-cache make")


def test_clean_in_builder_stage():
    assert_clean(R, """
        FROM alpine:3.20 AS build
        RUN apk add --no-cache build-base && make
        FROM alpine:3.20
        COPY --from=build /src/app /app
        ENTRYPOINT ["/app"]
    """)


def test_clean_virtual_group_removed_in_same_run():
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build gcc musl-dev && make && apk del .build"
                 + END)


def test_clean_removed_in_later_layer_is_dg610s():
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache gcc\nWORKDIR /src\nRUN apk del gcc" + END)


def test_clean_runtime_libraries():
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache libssl3 ca-certificates" + END)


def test_clean_builder_excerpt_without_cmd():
    assert_clean(R, "FROM golang:1.23-alpine AS build\nRUN apk add --no-cache gcc musl-dev")


def test_clean_single_stage_compile_is_dg614s():
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev\nRUN gcc -o /app main.c" + END)
