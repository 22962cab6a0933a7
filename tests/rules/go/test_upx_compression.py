from spec import assert_catches, assert_clean

R = "DG408"


def test_catches_without_a_word_on_trade_offs():
    assert_catches(R, "RUN upx --best /out/app")


def test_catches_in_the_final_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM alpine:3.20
        COPY --from=build /out/app /app
        # UPX: smaller file, slower start-up
        RUN apk add --no-cache upx && upx /app
    """, count=1, line=6)


def test_catches_in_a_stage_the_final_one_is_built_from():
    assert_catches(R, """
        FROM alpine:3.20 AS runtime
        # upx costs memory at every start
        RUN upx /usr/local/bin/app
        FROM runtime
    """)


def test_clean_in_builder_with_comment():
    assert_clean(R, """
        FROM golang:1.23 AS build
        # UPX trades start-up time and memory for a smaller download.
        RUN go build -o /out/app . && upx --best /out/app
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_with_comment_in_fragment():
    assert_clean(R, "# decompression costs RSS\nRUN upx -9 /out/app")


def test_clean_without_upx():
    assert_clean(R, "RUN strip /out/app && echo upx-free")


def test_missing_trade_off_note_is_reported_once_for_install_and_run():
    assert_catches("DG408", """
        FROM golang:1.23 AS build
        RUN apt-get update && apt-get install -y --no-install-recommends upx-ucl
        RUN upx --best /out/app
        FROM scratch
        COPY --from=build /out/app /app
        USER 65534:65534
        ENTRYPOINT ["/app"]
    """, count=1, line=2)
