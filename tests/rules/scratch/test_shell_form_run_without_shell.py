from spec import assert_catches, assert_clean

R = "DG503"


def test_catches_run_in_scratch_and_distroless():
    assert_catches(R, "FROM scratch\nRUN mkdir /data\n", line=2)
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:nonroot\nRUN echo hi\n")


def test_catches_heredoc_run():
    assert_catches(R, """
        FROM gcr.io/distroless/base-debian12
        RUN <<EOF
        echo hi
        EOF
    """)


def test_catches_in_stage_built_from_scratch_stage():
    assert_catches(R, "FROM scratch AS base\nCOPY app /app\nFROM base\nRUN /app migrate\n", line=4)


def test_catches_distroless_debug_without_shell_instruction():
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:debug\nRUN echo hi\n")


def test_clean_exec_form_and_debug_image_with_busybox_shell():
    assert_clean(R, 'FROM scratch\nCOPY app /app\nRUN ["/app", "migrate"]\n')
    assert_clean(R, 'FROM gcr.io/distroless/static-debian12:debug\nSHELL ["/busybox/sh", "-c"]\nRUN echo hi\n')


def test_clean_when_a_shell_is_copied_in_or_shell_is_set():
    assert_clean(R, "FROM scratch\nCOPY --from=busybox:1.36 /bin/sh /bin/sh\nRUN echo hi\n")
    assert_clean(R, 'FROM scratch\nSHELL ["/busybox/sh", "-c"]\nRUN echo hi\n')


def test_clean_for_bases_with_a_shell_or_unknown():
    assert_clean(R, "FROM alpine:3.20\nRUN echo hi\n")
    assert_clean(R, "FROM example.com/minimal:1\nRUN echo hi\n")
