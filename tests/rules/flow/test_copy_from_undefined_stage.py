"""DG301 copy-from-undefined-stage."""

from spec import assert_catches, assert_clean

R = "DG301"


def test_catches_typo_in_stage_name():
    assert_catches(R, """
        FROM golang:1.23 AS builder
        FROM scratch
        COPY --from=buidler /out/app /app
    """, count=1, line=3)


def test_catches_stage_defined_later():
    assert_catches(R, "FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build", line=2)


def test_catches_index_of_current_or_later_stage():
    assert_catches(R, "FROM alpine:3.20\nCOPY --from=0 /a /b\nFROM alpine:3.20\nCOPY --from=2 /a /b", count=2, line=2)


def test_catches_bare_name_that_would_be_pulled():
    assert_catches(R, "FROM alpine:3.20\nCOPY --from=nginx /etc/nginx /etc/nginx")


def test_catches_after_a_chain_of_stages():
    assert_catches(R, """
        FROM golang:1.23 AS base
        FROM base AS mid
        FROM mid AS build
        FROM scratch
        COPY --from=base /a /a
        COPY --from=bulid /out/app /app
    """, count=1, line=6)


def test_clean_earlier_stage_by_name_case_insensitive():
    assert_clean(R, "FROM golang:1.23 AS Builder\nFROM scratch\nCOPY --from=builder /out/app /app")


def test_clean_earlier_stage_by_index():
    assert_clean(R, "FROM golang:1.23\nFROM alpine:3.20\nFROM scratch\nCOPY --from=0 /a /a\nCOPY --from=1 /b /b")


def test_clean_image_references():
    assert_clean(R, """
        FROM scratch
        COPY --from=alpine:3.20 /etc/ssl/certs /etc/ssl/certs
        COPY --from=gcr.io/distroless/static /etc/passwd /etc/passwd
        COPY --from=busybox@sha256:abc /bin/busybox /busybox
    """)


def test_clean_variable_reference():
    assert_clean(R, "ARG SRC=build\nFROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=${SRC} /a /a")


def test_clean_declared_fragment():
    assert_clean(R, "COPY --from=build /a /b")


def test_clean_fragment_by_index():
    assert_clean(R, "COPY --from=0 /a /b")


def test_clean_when_the_builder_stage_is_elided():
    # an excerpt: the stage it copies from may be among the omitted lines
    assert_clean(R, "ARG BASE\n...\nFROM $BASE\nCOPY --from=builder /app .\n")
    assert_clean(R, "# ... build stage\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n")
    assert_clean(R, "FROM <build image> AS <name>\nRUN make\nFROM alpine:3.20\nCOPY --from=builder /app /app\n")
    # "part 2, the runtime": a template that names no stage, its builder shown in another snippet
    assert_clean(R, "FROM python:3.11-slim\nWORKDIR /app\nCOPY --from=builder /app .\n"
                    "COPY <your app>/ ./app\nCMD [\"python\", \"app/app.py\"]\n")


def test_catches_a_typo_in_a_template_that_names_its_stages():
    assert_catches(R, "FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM alpine:3.20\n"
                      "COPY --from=builder /app /<app>\n", count=1, line=4)


def test_catches_when_the_elision_comes_after_the_copy():
    # what is shown above the COPY is all there is: a typo is still a typo
    assert_catches(R, "FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM alpine:3.20\n"
                      "COPY --from=builder /app /app\n...\n", count=1, line=4)
