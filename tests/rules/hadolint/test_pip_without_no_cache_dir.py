from spec import assert_catches, assert_clean

RULE = "DG221"


def test_catches():
    assert_catches(RULE, "RUN pip install MySQL_python")
    assert_catches(RULE, "RUN python3 -m pip install -r requirements.txt")
    assert_catches(RULE, "ENV PIP_NO_CACHE_DIR=off\nRUN pip install six")
    assert_catches(RULE, "RUN export PIP_NO_CACHE_DIR=0 && pip install six")
    assert_catches(RULE, """
        FROM python:3.12-slim AS base
        ENV PIP_NO_CACHE_DIR=1
        FROM python:3.12-slim
        RUN pip install six
        """, line=4)


def test_clean():
    assert_clean(RULE, "RUN pip install --no-cache-dir six")
    assert_clean(RULE, "RUN PIP_NO_CACHE_DIR=1 pip install six")
    assert_clean(RULE, "RUN pipx install software")
    assert_clean(RULE, "RUN --mount=type=cache,target=/root/.cache/pip pip install six")
    assert_clean(RULE, """
        FROM python:3.12-slim AS base
        ENV PIP_NO_CACHE_DIR=true
        FROM base
        RUN pip install six
        """)
