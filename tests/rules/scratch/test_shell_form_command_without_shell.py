from spec import assert_catches, assert_clean, fired

R = "DG504"


def test_catches_cmd_and_entrypoint_in_scratch():
    assert_catches(R, "FROM scratch\nCOPY app /app\nCMD /app serve\n", line=3)
    assert_catches(R, "FROM gcr.io/distroless/static-debian12:nonroot\nENTRYPOINT /app\n")


def test_catches_healthcheck_shell_form():
    assert_catches(R, "FROM gcr.io/distroless/base-debian12\nHEALTHCHECK --interval=5s CMD /app -health\n")


def test_catches_in_stage_chain_and_reports_instead_of_dg107():
    text = "FROM scratch AS base\nCOPY app /app\nFROM base\nENTRYPOINT /app\n"
    assert_catches(R, text, line=4)
    assert not fired("DG107", text)


def test_clean_exec_form():
    assert_clean(R, 'FROM scratch\nENTRYPOINT ["/app"]\nCMD ["serve"]\nHEALTHCHECK CMD ["/app", "-health"]\n')


def test_clean_healthcheck_none_and_bases_with_shell():
    assert_clean(R, "FROM scratch\nHEALTHCHECK NONE\n")
    assert_clean(R, "FROM alpine:3.20\nCMD /app serve\n")
    assert_clean(R, 'FROM gcr.io/distroless/static-debian12:debug-nonroot\n'
                    'SHELL ["/busybox/sh", "-c"]\nCMD /app serve\n')


def test_clean_with_shell_copied_in_or_shell_instruction():
    assert_clean(R, "FROM scratch\nCOPY --from=busybox:1.36 /bin/busybox /bin/sh\nCMD /app\n")
    assert_clean(R, 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\nFROM base\nCMD mycommand\n')
