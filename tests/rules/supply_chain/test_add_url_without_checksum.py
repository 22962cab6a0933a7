from spec import assert_catches, assert_clean

R = "DG802"


def test_catches_https():
    assert_catches(R, "ADD https://example.com/tool.tar.gz /opt/", line=1)


def test_catches_arg_expanded_url():
    assert_catches(R, "ARG URL=https://example.com/tool\nADD ${URL} /usr/local/bin/tool")


def test_catches_git_branch():
    assert_catches(R, "ADD https://github.com/moby/buildkit.git#v0.14.0 /src")
    assert_catches(R, "ADD git@github.com:moby/buildkit.git /src")


def test_catches_stage_arg_in_multi_stage_file():
    assert_catches(R, """
        FROM alpine:3.20 AS a
        FROM alpine:3.20
        ARG VERSION=1.17
        ADD https://github.com/tianon/gosu/releases/download/${VERSION}/gosu-amd64 /gosu
    """, line=4)


def test_clean_with_checksum():
    assert_clean(R, "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
                    "https://example.com/tool.tar.gz /opt/")


def test_clean_git_pinned_to_commit():
    assert_clean(R, "ADD https://github.com/moby/buildkit.git#2e7e0f3d4bd8c4a1e7dbd4f2a8e2a0a8c0d0b5a1 /src")


def test_clean_local_files_and_copy():
    assert_clean(R, "ADD rootfs.tar.gz /\nCOPY https.txt /etc/")


def test_clean_heredoc():
    assert_clean(R, "ADD <<EOF /etc/motd\nhttps://example.com\nEOF")
