"""The true problem classes a docs reader must still be told about, checked the way a new user
meets them: Markdown fences, default settings (issue 10). One realistic snippet per class."""

from test_excerpts import fence, rules


def test_copy_from_a_stage_that_does_not_exist():
    text = ("FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n"
            "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=builder /out/app /app\n"
            "ENTRYPOINT [\"/app\"]\n")
    assert "DG301" in rules(fence(text))


def test_sources_copied_before_the_dependency_install():
    text = ("FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nUSER node\n"
            "CMD [\"node\", \"server.js\"]\n")
    assert "DG405" in rules(fence(text))


def test_a_dynamic_glibc_binary_copied_into_scratch():
    text = ("FROM golang:1.27-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n"
            "FROM scratch\nCOPY --from=build /out/app /app\nUSER 65534:65534\nENTRYPOINT [\"/app\"]\n")
    assert "DG401" in rules(fence(text))


def test_a_dynamic_musl_binary_copied_into_scratch():
    text = ("FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc musl-dev\nCOPY hello.c .\n"
            "RUN gcc -o /hello hello.c\nFROM scratch\nCOPY --from=build /hello /hello\nUSER 65534:65534\n"
            "ENTRYPOINT [\"/hello\"]\n")
    assert {"DG602", "DG401"} & set(rules(fence(text)))


def test_chown_r_after_copy():
    text = ("FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
            "COPY . .\nRUN chown -R node:node /app\nUSER node\nCMD [\"node\", \"server.js\"]\n")
    assert "DG611" in rules(fence(text))


def test_apt_lists_left_in_the_image():
    text = ("FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
            "USER 65534:65534\nCMD [\"curl\", \"--version\"]\n")
    assert "DG210" in rules(fence(text))


def test_add_of_a_pinned_url_without_checksum():
    text = ("FROM debian:bookworm-slim\nADD https://example.com/tool-1.2.3.tar.gz /tmp/tool.tar.gz\n"
            "USER 65534:65534\nCMD [\"sh\"]\n")
    assert "DG802" in rules(fence(text))


def test_a_comment_after_an_instruction():
    text = ("FROM golang:1.27 AS build\nWORKDIR /src # sources\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n"
            "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n"
            "EXPOSE 8080 # http\nENTRYPOINT [\"/app\"]\n")
    assert rules(fence(text)).count("DG906") == 2
