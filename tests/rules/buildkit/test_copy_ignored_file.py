from spec import assert_catches, assert_clean

RULE = "DG118"


def test_catches():
    text = "FROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n"
    assert_catches(RULE, text, count=2, dockerignore="\nDockerfile\n")
    assert_catches(RULE, "FROM scratch\nCOPY . .\n", dockerignore="*\n")
    assert_catches(RULE, "FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n", dockerignore="tmp\n")
    assert_catches(RULE, "FROM scratch\nCOPY sub/a.txt /\n", dockerignore="sub\n!sub/b.txt\n")
    assert_catches(RULE, 'FROM scratch\nCOPY ["cmd/main.go", "/src/"]\n', dockerignore="**/*.go\n")


def test_clean():
    assert_clean(RULE, "FROM scratch\nCOPY Dockerfile .\n")  # no .dockerignore shown
    text = "FROM scratch AS base\nCOPY Dockerfile /foobar\nFROM base\nCOPY --from=base /foobar /Dockerfile\n"
    assert_clean(RULE, text, dockerignore="foobar\n")
    assert_clean(RULE, "FROM scratch\nCOPY ./Dockerfile .\n", dockerignore="**\n!Dockerfile\n")
    assert_clean(RULE, "FROM scratch\nCOPY . .\n", dockerignore=".*\n")
    assert_clean(RULE, "FROM scratch\nCOPY sub /sub\n", dockerignore="sub\n!sub/a.txt\n")
    assert_clean(RULE, "FROM scratch\nCOPY <<EOF /a.txt\nhi\nEOF\nCOPY $SRC /x\n", dockerignore="*\n")
