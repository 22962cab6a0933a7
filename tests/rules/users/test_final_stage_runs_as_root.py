"""DG701 final-stage-runs-as-root."""

from spec import assert_catches, assert_clean, fired

from snipcheck.model import Severity

R = "DG701"


def test_catches_debian_without_user():
    assert_catches(R, "FROM debian:bookworm-slim\nCOPY app /app\nENTRYPOINT [\"/app\"]", count=1, line=1)


def test_catches_scratch_and_root_distroless():
    assert_catches(R, "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]",
                   line=2)
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:latest\nCOPY app /app")


def test_catches_base_from_an_arg_default():
    assert_catches(R, "ARG BASE=alpine:3.20\nFROM $BASE\nRUN true", line=2)


def test_catches_chain_without_any_user():
    assert_catches(R, """
        FROM alpine:3.20 AS base
        FROM base AS mid
        RUN true
        FROM mid
    """, line=4)


def test_catches_when_only_a_builder_stage_sets_user():
    assert_catches(R, """
        FROM golang:1.23 AS build
        USER 65534:65534
        FROM alpine:3.20
        COPY --from=build /out/app /app
    """, line=3)


def test_clean_with_user():
    assert_clean(R, "FROM alpine:3.20\nUSER 65534:65534")


def test_clean_nonroot_distroless():
    assert_clean(R, "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app")
    assert_clean(R, "FROM gcr.io/distroless/base-debian12:debug-nonroot\nCOPY app /app")


def test_clean_user_set_in_an_ancestor_stage_several_deep():
    assert_clean(R, """
        FROM alpine:3.20 AS base
        USER 65534
        FROM base AS mid
        RUN true
        FROM mid
    """)


def test_clean_nonroot_base_through_a_chain():
    assert_clean(R, """
        FROM gcr.io/distroless/static-debian12:nonroot AS base
        FROM base AS mid
        FROM mid
    """)


def test_clean_user_root_is_dg702s_business():
    assert_clean(R, "FROM alpine:3.20\nUSER root")


def test_clean_unknown_base_and_fragment():
    assert_clean(R, "FROM registry.local/app-base:1\nCOPY app /app")
    assert_clean(R, "COPY app /app")


def test_nginx_and_httpd_masters_stay_root_an_info_note():
    # the master process starts as root and runs its workers as a user: a smaller harm, an info note
    for base in ("nginx:1.27", "nginx:1.27-alpine", "httpd:2.4"):
        hits = fired(R, f"FROM {base}\nCOPY site/ /usr/share/nginx/html/\n")
        assert [h.severity for h in hits] == [Severity.INFO], (base, hits)
    hits = fired(R, "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n")
    assert [h.severity for h in hits] == [Severity.INFO] and "workers as nginx" in hits[0].message


def test_clean_for_servers_whose_entrypoint_drops_root():
    assert_clean(R, "FROM postgres:17\nCOPY init.sql /docker-entrypoint-initdb.d/\n")
    assert_clean(R, "FROM redis:7-alpine\nCOPY redis.conf /usr/local/etc/redis/redis.conf\n"
                    "CMD [\"redis-server\", \"/usr/local/etc/redis/redis.conf\"]\n")


def test_catches_when_the_image_runs_something_else_than_its_server():
    # a replaced ENTRYPOINT or another program in CMD bypasses the image's own privilege drop
    assert_catches(R, "FROM redis:7\nENTRYPOINT [\"redis-server\"]\n", count=1, line=1)
    assert_catches(R, "FROM postgres:17\nCOPY job.sh /job.sh\nCMD [\"/job.sh\"]\n", count=1)
    hits = fired(R, "FROM nginx:1.27\nCOPY app /app\nCMD [\"/app\"]\n")
    assert [h.severity for h in hits] == [Severity.WARNING]


def test_clean_for_a_scratch_image_that_runs_nothing():
    # an export stage (`--output type=local`) or a data image: no ENTRYPOINT, no CMD, nothing runs
    assert_clean(R, "FROM busybox:1.37 AS build\nRUN echo foo > /out\nFROM scratch\nCOPY --from=build /out /\n")
    assert_catches(R, "FROM scratch\nCOPY app /app\nCMD [\"/app\"]\n", line=1)


def test_the_fix_names_files_kept_under_root_home_that_the_new_user_could_not_reach():
    # uv's docs install uv under /root/.local/bin: USER 65534:65534 alone would break the image
    # (/root is mode 0700 in Debian, Ubuntu and Alpine images)
    [hit] = fired(R, "FROM python:3.12-slim-bookworm\nADD https://astral.sh/uv/install.sh /uv-installer.sh\n"
                     "RUN sh /uv-installer.sh && rm /uv-installer.sh\nENV PATH=\"/root/.local/bin/:$PATH\"\n"
                     "CMD [\"uv\", \"run\", \"app.py\"]\n")
    assert "line 4 keeps under /root" in hit.message
    [hit] = fired(R, "FROM debian:trixie-slim\nWORKDIR /srv\nCOPY tool /root/bin/tool\nCOPY app ./\n"
                     "CMD [\"/srv/app\"]\n")
    assert "line 3 keeps under /root" in hit.message


def test_the_fix_says_nothing_more_when_nothing_is_under_root_home():
    for text in ("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV PATH=/app/bin:$PATH\nCMD [\"python\", \"app.py\"]\n",
                 "FROM debian:trixie-slim\nENV ROOTDIR=/rootfs HOME=/home/app\nCOPY app /rootless/app\nCMD [\"/rootless/app\"]\n"):
        [hit] = fired(R, text)
        assert "/root" not in hit.message.split("USER 65534:65534")[-1], hit.message


def test_the_fix_names_the_node_images_own_user():
    # the official node images have a `node` user, uid 1000, with a home it can write
    for base in ("node:22-slim", "node:22-alpine"):
        [hit] = fired(R, f"FROM {base}\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n")
        assert "e.g. USER 1000:1000 (the image's own `node` user)" in hit.message, hit.message
