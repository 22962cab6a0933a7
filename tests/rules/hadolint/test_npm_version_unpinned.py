from spec import assert_catches, assert_clean

RULE = "DG215"


def test_catches():
    assert_catches(RULE, "RUN npm install express")
    assert_catches(RULE, "RUN npm install @myorg/privatepackage")
    assert_catches(RULE, "RUN npm install --global express sax@0.1.1")
    assert_catches(RULE, "RUN npm install git+https://isaacs@github.com/npm/npm.git")
    assert_catches(RULE, "RUN npm install --registry https://example.com express")


def test_clean():
    assert_clean(RULE, "RUN npm install")
    assert_clean(RULE, "RUN npm ci --omit=dev")
    assert_clean(RULE, "RUN npm install express@4.1.1 @myorg/pkg@\">=0.1.0 <0.2.0\"")
    assert_clean(RULE, "RUN npm install ./folder package-v1.2.3.tgz")
    assert_clean(RULE, "RUN npm install git+https://github.com/npm/npm.git#v1.0.27")
    assert_clean(RULE, "RUN npm run --crazy install")
    assert_clean(RULE, "RUN npm install --loglevel verbose sax@0.1.1")
