"""DG107 json-args-recommended."""

from spec import assert_catches, assert_clean, fired

from snipcheck.severity import Severity

R = "DG107"


def test_catches_shell_form_cmd():
    assert_catches(R, "FROM debian:bookworm-slim\nRUN true\nCMD /usr/local/bin/app serve", count=1, line=3)


def test_catches_shell_form_entrypoint():
    assert_catches(R, "FROM debian:bookworm-slim\nENTRYPOINT /app --port 8080")


def test_catches_shell_form_healthcheck():
    assert_catches(R, "FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD wget -qO- localhost:8080", line=2)


def test_a_healthcheck_that_needs_the_shell_is_left_alone():
    # `|| exit 1` needs /bin/sh, which alpine has: a JSON array would change the meaning.
    assert_clean(R, "FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD wget -qO- localhost:8080 || exit 1")


def test_catches_in_a_fragment():
    assert_catches(R, "CMD ./app")


def test_catches_when_shell_was_changed_only_in_an_unrelated_stage():
    assert_catches(R, """
        FROM debian:bookworm-slim AS build
        SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
        FROM debian:bookworm-slim
        CMD ./app
    """, line=4)


def test_catches_cmd_before_the_shell_instruction():
    assert_catches(R, "FROM debian:bookworm-slim\nCMD ./app\nSHELL [\"/bin/bash\", \"-c\"]", line=2)


def test_clean_exec_form():
    assert_clean(R, 'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["serve", "--port", "8080"]')


def test_clean_exec_form_healthcheck_and_none():
    assert_clean(R, 'FROM alpine:3.20\nHEALTHCHECK CMD ["/app", "health"]\nHEALTHCHECK NONE')


def test_clean_after_explicit_shell():
    assert_clean(R, 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD ./app serve')


def test_clean_shell_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM debian:bookworm-slim AS base
        SHELL ["/bin/bash", "-c"]
        FROM base AS mid
        FROM mid
        CMD ./app serve
    """)


def test_clean_without_a_shell_in_the_image_left_to_dg504():
    assert_clean(R, "FROM scratch\nCOPY app /app\nCMD /app")


def test_clean_empty_cmd():
    assert_clean(R, "FROM alpine:3.20\nCMD")


def test_busybox_ash_execs_a_lone_command_so_cmd_gets_the_signals():
    # busybox ash (alpine's and busybox's /bin/sh) replaces itself with the last simple command of
    # `sh -c`; dash (Debian's) forks. Checked on busybox 1.35 and dash 0.5.12.
    for base in ("alpine:3.20", "busybox:1.37", "node:22-alpine", "golang:1.27-alpine"):
        assert_clean(R, f"FROM {base}\nCMD /usr/local/bin/app serve\n")
    assert_catches(R, "FROM debian:bookworm-slim\nCMD /usr/local/bin/app serve\n")
    assert_catches(R, "CMD /usr/local/bin/app serve\n")  # base unknown: say what holds for most shells


def test_on_busybox_a_shell_form_entrypoint_still_drops_the_arguments():
    hits = fired(R, "FROM alpine:3.20\nENTRYPOINT /app --port 8080\nCMD [\"--verbose\"]\n")
    assert len(hits) == 1 and "ignores CMD and the arguments" in hits[0].message
    assert "signals" not in hits[0].message
    # a command that needs the shell still forks there too: the signal advice stands
    assert_catches(R, "FROM alpine:3.20\nCMD ./app --port $PORT; echo done\n")


def test_a_quoted_program_with_a_space_is_an_error_and_the_fix_splits_it():
    # nodebestpractices: `CMD "npm start"` runs a program called "npm start" (exit 127, the container stops);
    # the faithful JSON array ["npm start"] would be as broken
    for base in ("node:22-slim", "node:22-alpine"):
        [hit] = fired(R, f"FROM {base}\nWORKDIR /app\nCOPY . .\nUSER 1000:1000\nCMD \"npm start\"\n")
        assert hit.severity is Severity.ERROR and hit.message.endswith('CMD ["npm", "start"]'), hit.message
    [hit] = fired(R, "FROM debian:trixie-slim\nENTRYPOINT 'my app' --port 80\n")
    assert hit.message.endswith('ENTRYPOINT ["my", "app", "--port", "80"]')
    [plain] = fired(R, "FROM debian:trixie-slim\nCMD npm start\n")
    assert plain.severity is Severity.WARNING and plain.message.endswith('CMD ["npm", "start"]')
