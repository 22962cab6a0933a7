from spec import assert_catches, assert_clean

R = "DG506"


def test_catches_curl_in_distroless_and_scratch():
    assert_catches(R, 'FROM gcr.io/distroless/static-debian12:nonroot\n'
                      'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', line=2)
    assert_catches(R, "FROM scratch\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n")


def test_catches_curl_on_alpine_and_slim():
    assert_catches(R, "FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")
    assert_catches(R, 'FROM debian:bookworm-slim\n'
                      'HEALTHCHECK --interval=10s CMD ["/usr/bin/curl", "-f", "http://x/"]\n')


def test_catches_inside_sh_c_and_through_stage_chain():
    assert_catches(R, 'FROM debian:bookworm-slim AS base\nFROM base\n'
                      'HEALTHCHECK CMD ["sh", "-c", "curl -f http://x/"]\n', line=3)


def test_clean_when_the_tool_exists():
    assert_clean(R, "FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n")
    assert_clean(R, "FROM golang:1.23\nHEALTHCHECK CMD curl -f http://localhost/\n")
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:debug\nHEALTHCHECK CMD wget -q http://localhost/\n")


def test_clean_when_installed_or_copied():
    assert_clean(R, "FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost/\n")
    assert_clean(R, 'FROM scratch\nCOPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\n'
                    'HEALTHCHECK CMD ["/usr/bin/curl", "http://x"]\n')


def test_clean_for_app_health_checks_and_none():
    assert_clean(R, 'FROM scratch\nHEALTHCHECK CMD ["/app", "-health"]\n')
    assert_clean(R, "FROM scratch\nHEALTHCHECK NONE\n")
