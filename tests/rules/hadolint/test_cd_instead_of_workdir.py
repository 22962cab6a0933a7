from spec import assert_catches, assert_clean

RULE = "DG207"


def test_catches():
    assert_catches(RULE, "RUN cd /opt")
    assert_catches(RULE, "RUN cd /src && make")
    assert_catches(RULE, "ONBUILD RUN cd /src && make")
    assert_catches(RULE, """
        FROM golang:1.23 AS build
        RUN git clone https://example.com/x.git /src && cd /src && go build ./...
        """, line=2)


def test_clean():
    assert_clean(RULE, "WORKDIR /opt")
    assert_clean(RULE, "RUN make -C /src")
    assert_clean(RULE, "RUN echo cd /opt")
