from spec import assert_catches, assert_clean

RULE = "DG115"


def test_catches():
    text = ("FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\n"
            "ARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\n")
    assert_catches(RULE, text, count=8)
    assert_catches(RULE, "ARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\n", count=2)
    assert_catches(RULE, "FROM alpine:3.20\nENV GITHUB_TOKEN ghp_xxx\n")


def test_clean():
    text = ("FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\n"
            "ENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION\nENV keyboard=us\n")
    assert_clean(RULE, text)
    assert_clean(RULE, "ARG GITHUB_TOKEN\nFROM alpine:3.20\n")  # global ARGs never reach the image
    assert_clean(RULE, "RUN --mount=type=secret,id=aws_key_id,env=AWS_ACCESS_KEY_ID aws s3 cp s3://b/f .")
    assert_clean(RULE, "FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // allowed here\nENV password=bar\n")
