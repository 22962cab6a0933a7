from spec import assert_catches, assert_clean

RULE = "DG230"


def test_catches():
    assert_catches(RULE, "RUN wget my.xyz\nRUN curl localhost", line=2)
    assert_catches(RULE, "RUN wget my.xyz && curl localhost")
    assert_catches(RULE, "RUN wget a\nRUN curl b\nRUN echo hello\nRUN wget c", count=2)
    assert_catches(RULE, """
        FROM node:22 AS foo
        RUN wget my.xyz
        RUN curl localhost
        FROM scratch
        RUN curl localhost
        """, count=1)


def test_clean():
    assert_clean(RULE, "RUN wget my.xyz")
    assert_clean(RULE, """
        FROM node:22 AS foo
        RUN wget my.xyz
        FROM scratch
        RUN curl localhost
        """)
    assert_clean(RULE, "RUN apt-get install -y curl wget")
