from spec import assert_catches, assert_clean

RULE = "DG213"


def test_catches():
    assert_catches(RULE, "RUN pip install MySQL_python")
    assert_catches(RULE, "RUN pip3 install --no-cache-dir flask==3.0.0 requests")
    assert_catches(RULE, "RUN python -m pip install example")
    assert_catches(RULE, "RUN pipx install black")
    assert_catches(RULE, "RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext")
    assert_catches(RULE, "RUN pip install --root-user-action=ignore mypkg")


def test_clean():
    assert_clean(RULE, "RUN pip install MySQL_python==1.2.2")
    assert_clean(RULE, "RUN pip install -r requirements.txt")
    assert_clean(RULE, "RUN pip install .")
    assert_clean(RULE, "RUN pip install 'alabaster>=0.7'")
    assert_clean(RULE, "RUN pip install --index-url https://eg.com/foo foobar==1.0.0")
    assert_clean(RULE, "RUN pip install pykafka -c constraints.txt")
    assert_clean(RULE, "RUN pipenv install black")
    assert_clean(RULE, "RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext")
