from spec import assert_catches, assert_clean

R = "DG803"


def test_catches_env_file():
    assert_catches(R, "COPY .env /app/.env", line=1)
    assert_catches(R, "COPY .env.production /app/")


def test_catches_keys():
    assert_catches(R, "COPY id_rsa /root/.ssh/id_rsa")
    assert_catches(R, "COPY certs/server.key certs/privkey.pem /etc/tls/")
    assert_catches(R, 'ADD ["secrets/credentials.json", "/app/"]')


def test_catches_credentials_files_and_git():
    assert_catches(R, "COPY .npmrc /root/.npmrc")
    assert_catches(R, "COPY .git /src/.git")
    assert_catches(R, "COPY ./.aws/credentials /root/.aws/credentials")


def test_catches_in_multi_stage_file_and_onbuild():
    assert_catches(R, "FROM alpine:3.20 AS build\nCOPY ./.env /src/\nFROM scratch\nCOPY --from=build /src/app /app")
    assert_catches(R, "ONBUILD COPY .pypirc /root/")


def test_clean_examples_and_public_keys():
    assert_clean(R, "COPY .env.example /app/.env.example")
    assert_clean(R, "COPY id_rsa.pub /root/.ssh/authorized_keys")


def test_clean_ca_certificates():
    assert_clean(R, "COPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt")
    assert_clean(R, "COPY fullchain.pem cert.pem /etc/tls/")


def test_clean_copy_from_stage():
    assert_clean(R, "FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b /etc/ssl/private/key.pem /key.pem")


def test_clean_secret_mount_and_lookalikes():
    assert_clean(R, "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci")
    assert_clean(R, "COPY environment.go envs/ .gitignore /src/")


def test_catches_pem_whose_name_only_contains_ca_letters():
    assert_catches(R, "COPY local-key.pem /etc/tls/")
