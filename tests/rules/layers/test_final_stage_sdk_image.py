from spec import assert_catches, assert_clean

R = "DG613"


def test_catches_final_stage_from_builder_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        COPY app /out/app
        FROM build
        ENTRYPOINT ["/out/app"]
    """, line=3)


def test_catches_arg_resolved_base():
    assert_catches(R, 'ARG GO=1.23\nFROM golang:${GO}-alpine\nCOPY app /app\nENTRYPOINT ["/app"]')


def test_catches_non_slim_python():
    assert_catches(R, 'FROM python:3.12\nCOPY app.py /app.py\nCMD ["python", "/app.py"]')


def test_catches_chain_several_stages_deep():
    assert_catches(R, """
        FROM rust:1.80-alpine AS toolchain
        FROM toolchain AS deps
        FROM deps AS build
        FROM build
        CMD ["/app"]
    """)


def test_clean_runtime_base():
    assert_clean(R, """
        FROM golang:1.23 AS build
        COPY app /out/app
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/app /app
        ENTRYPOINT ["/app"]
    """)


def test_clean_slim_and_jre():
    assert_clean(R, 'FROM python:3.12-slim\nCMD ["python"]')
    assert_clean(R, 'FROM eclipse-temurin:21-jre\nCMD ["java", "-jar", "/app.jar"]')


def test_clean_builder_excerpt():
    assert_clean(R, "FROM golang:1.23 AS build\nWORKDIR /src\nRUN go version")


def test_clean_unknown_arg_base():
    assert_clean(R, 'ARG BASE\nFROM ${BASE}\nCMD ["/app"]')


def test_clean_single_stage_compile_is_dg614s():
    assert_clean(R, 'FROM golang:1.23\nCOPY . /src\nRUN go build -o /app /src\nCMD ["/app"]')


def test_catches_library_prefix_and_jdk():
    assert_catches(R, 'FROM docker.io/library/node:20\nCMD ["node"]')
    assert_catches(R, 'FROM eclipse-temurin:21\nCMD ["java"]')
