from spec import assert_catches, assert_clean

R = "DG502"


def test_catches_tz_on_scratch():
    assert_catches(R, "FROM scratch\nCOPY app /app\nENV TZ=Europe/Berlin\n", line=3)


def test_catches_tz_on_alpine_and_inherited_env():
    assert_catches(R, "FROM alpine:3.20\nENV TZ=America/New_York\n")
    assert_catches(R, "FROM alpine:3.20 AS base\nENV TZ=Asia/Tokyo\nFROM base\nRUN echo hi\n", line=2)


def test_catches_tz_from_arg_default():
    assert_catches(R, "FROM scratch\nARG ZONE=Europe/Paris\nENV TZ=${ZONE}\n")


def test_catches_zoneinfo_copied_from_golang_alpine_is_missing():
    assert_catches(R, """
        FROM golang:1.23-alpine AS build
        RUN CGO_ENABLED=0 go build -o /out/app .
        FROM scratch
        COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
        COPY --from=build /out/app /app
        ENV TZ=Europe/Berlin
    """)


def test_clean_with_zoneinfo_copied_or_installed():
    assert_clean(R, """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache tzdata
        FROM scratch
        COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
        ENV TZ=Europe/Berlin
    """)
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache tzdata\nENV TZ=Europe/Berlin\n")


def test_clean_with_timetzdata_tag_or_zoneinfo_env():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN CGO_ENABLED=0 go build -tags timetzdata -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
        ENV TZ=Europe/Berlin
    """)
    assert_clean(R, "FROM scratch\nCOPY zoneinfo.zip /zoneinfo.zip\nENV ZONEINFO=/zoneinfo.zip TZ=Europe/Berlin\n")


def test_clean_for_utc_no_tz_and_bases_with_zoneinfo():
    assert_clean(R, "FROM scratch\nENV TZ=UTC\n")
    assert_clean(R, "FROM scratch\nENV TZ=Etc/UTC\n")
    assert_clean(R, "FROM scratch\nCOPY app /app\n")
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:nonroot\nENV TZ=Europe/Berlin\n")
    assert_clean(R, "FROM debian:bookworm-slim\nENV TZ=Europe/Berlin\n")
