from spec import assert_catches, assert_clean

RULE = "DG229"


def test_catches():
    assert_catches(RULE, "COPY --from=build / /")
    assert_catches(RULE, 'COPY --from=build "/" "/"')
    assert_catches(RULE, """
        FROM alpine:3.20 AS base
        FROM scratch
        COPY --from=base / /
        """, line=3)


def test_clean():
    assert_clean(RULE, "COPY / /")
    assert_clean(RULE, "COPY --from=build /app /")
    assert_clean(RULE, "COPY --from=build / /app")
