from spec import assert_catches, assert_clean, heredoc_go_build

R = "DG501"
BUILD = "FROM golang:1.23 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n"


def test_catches_scratch_with_go_app():
    assert_catches(R, BUILD + "FROM scratch\nCOPY --from=build /out/app /app\n", line=3)


def test_catches_debian_slim_with_go_app():
    assert_catches(R, BUILD + "FROM debian:bookworm-slim\nCOPY --from=build /out/app /app\n")


def test_catches_through_an_intermediate_stage_and_chain():
    assert_catches(R, BUILD + """FROM alpine:3.20 AS collect
COPY --from=build /out/app /app
FROM scratch AS runtime
FROM runtime
COPY --from=collect /app /app
""")


def test_catches_when_the_copied_bundle_does_not_exist_in_the_builder():
    assert_catches(R, """
        FROM golang:1.23-alpine AS build
        RUN --mount=type=cache,target=/out CGO_ENABLED=0 go build -o /out/app . && cp /out/app /app
        FROM scratch
        COPY --from=build /app /app
        COPY --from=build /out/certs.pem /etc/ssl/certs/ca-certificates.crt
    """)


def test_clean_with_certs_copied():
    assert_clean(R, BUILD + "FROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
                            "COPY --from=build /out/app /app\n")
    assert_clean(R, BUILD + "FROM scratch\nCOPY --from=build /etc/ssl/certs /etc/ssl/certs\n"
                            "COPY --from=build /out/app /app\n")


def test_clean_with_package_or_env():
    assert_clean(R, BUILD + "FROM debian:bookworm-slim\n"
                            "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\n"
                            "COPY --from=build /out/app /app\n")
    assert_clean(R, BUILD + "FROM scratch\nCOPY --from=build /out/app /app\nCOPY certs.pem /certs.pem\n"
                            "ENV SSL_CERT_FILE=/certs.pem\n")


def test_clean_for_bases_with_certs_and_non_go_apps():
    assert_clean(R, BUILD + "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n")
    assert_clean(R, BUILD + "FROM alpine:3.20\nCOPY --from=build /out/app /app\n")
    assert_clean(R, "FROM scratch\nCOPY hello /hello\n")


def test_clean_when_fence_says_no_tls():
    assert_clean(R, BUILD + "FROM scratch\nCOPY --from=build /out/app /app\n", no_tls=True)


def test_clean_when_the_shown_source_never_reaches_crypto_x509():
    # issue #10: a hello world that imports only fmt makes no TLS connection.
    assert_clean(R, heredoc_go_build('"fmt"'))
    assert_clean(R, heredoc_go_build('"fmt"; "crypto/sha256"; "os"'))


def test_catches_when_the_shown_source_can_open_tls_or_is_incomplete():
    assert_catches(R, heredoc_go_build('"fmt"; "net/http"'), line=11)
    assert_catches(R, heredoc_go_build('"fmt"; "example.com/client"'))
    assert_catches(R, heredoc_go_build('"fmt"').replace("RUN go mod", "COPY . .\n        RUN go mod"))


def test_message_is_sure_only_when_the_shown_source_reaches_crypto_x509():
    from spec import fired

    assert "so TLS connections will fail" in fired(R, heredoc_go_build('"fmt"; "net/http"'))[0].message
    unseen = BUILD + "FROM scratch\nCOPY --from=build /out/app /app\n"
    assert "if it makes outgoing TLS connections" in fired(R, unseen)[0].message
