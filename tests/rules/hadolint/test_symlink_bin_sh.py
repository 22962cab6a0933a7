from spec import assert_catches, assert_clean

RULE = "DG231"


def test_catches():
    assert_catches(RULE, "RUN ln -sfv /bin/bash /bin/sh")
    assert_catches(RULE, "RUN rm /bin/sh && ln -s /bin/bash /bin/sh")
    assert_catches(RULE, "ONBUILD RUN ln -sf /bin/bash /bin/sh")


def test_clean():
    assert_clean(RULE, "RUN ln -sf /bin/true /sbin/initctl")
    assert_clean(RULE, "RUN ln -s foo bar && unrelated && something_with /bin/sh")
    assert_clean(RULE, 'SHELL ["/bin/bash", "-c"]')
