from spec import assert_catches, assert_clean

R = "DG801"


def test_catches_curl_pipe_sh():
    assert_catches(R, "RUN curl -fsSL https://get.example.com | sh", line=1)


def test_catches_wget_to_stdout_pipe_bash_with_sudo():
    assert_catches(R, "RUN wget -qO- https://example.com/install.sh | sudo -E bash -s -- --yes")


def test_catches_through_tee_and_into_python():
    assert_catches(R, "RUN curl -sSL https://install.python-poetry.org | tee /tmp/log | python3 -")


def test_catches_command_substitution_and_process_substitution():
    assert_catches(R, 'RUN sh -c "$(curl -fsSL https://example.com/install.sh)"')
    assert_catches(R, "RUN bash <(curl -fsSL https://example.com/install.sh)")


def test_catches_in_heredoc_and_onbuild():
    assert_catches(R, """
        # syntax=docker/dockerfile:1
        FROM debian:bookworm-slim
        RUN <<EOF
        set -e
        curl -fsSL https://example.com/i.sh | bash
        EOF
    """, line=3)
    assert_catches(R, "ONBUILD RUN curl -s https://x.example/i.sh | sh")


def test_clean_download_then_run():
    assert_clean(R, "RUN curl -fsSL -o /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh")


def test_clean_pipe_into_tar_or_gpg():
    assert_clean(R, "RUN curl -fsSL https://go.dev/dl/go.tar.gz | tar -xz -C /usr/local")
    assert_clean(R, "RUN wget -qO- https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg")


def test_clean_local_pipe_into_shell():
    assert_clean(R, "RUN echo 'echo hi' | sh && cat /tmp/script | bash")


def test_clean_curl_then_unrelated_shell_after_pipeline_ends():
    assert_clean(R, "RUN curl -fsSL https://example.com -o /x | cat; sh /opt/run.sh")
