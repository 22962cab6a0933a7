from spec import assert_catches, assert_clean

RULE = "DG217"


def test_catches():
    assert_catches(RULE, "ADD file /usr/src/app/")
    assert_catches(RULE, 'ADD "file.zip" /usr/src/app/')
    assert_catches(RULE, "ADD --chown=65534:65534 config.yaml /etc/app/")
    assert_catches(RULE, 'ADD ["app.tar.gz", "config.yaml", "/srv/"]')


def test_clean():
    assert_clean(RULE, "ADD file.tar.gz /usr/src/app/")
    assert_clean(RULE, "ADD https://example.com/tool /usr/local/bin/tool")
    assert_clean(RULE, "ADD git@github.com:moby/buildkit.git /src")
    assert_clean(RULE, "ADD $ARCHIVE /opt/")
    assert_clean(RULE, "COPY file /usr/src/app/")
