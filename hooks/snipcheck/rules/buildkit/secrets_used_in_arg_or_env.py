"""DG115: an ARG or ENV whose name says it holds a secret."""

import re

from .support import key_values, split_words
from ...rulekit import Violation, rule

_TOKENS = "apikey|auth|credential|credentials|key|password|pword|passwd|secret|token"
_SECRET = re.compile(rf"(?i)(?:_|^)(?:{_TOKENS})(?:_|$)")
_ALLOWED = re.compile(r"(?i)(?:_|^)(?:public|file|version)(?:_|$)")


@rule(id="DG115", name="secrets-used-in-arg-or-env", severity="warning", guide="hardening.md",
      summary="Do not pass secrets through ARG or ENV: use a secret mount.",
      aliases=("SecretsUsedInArgOrEnv",),
      requires=("auth", "credential", "key", "password", "pword", "passwd", "secret", "token"))
def secrets_used_in_arg_or_env(df, ctx):
    """
    ## What it does
    Fires on `ARG` and `ENV` names that contain a word such as `PASSWORD`, `SECRET`, `TOKEN`,
    `KEY`, `AUTH` or `APIKEY` as one of its `_`-separated words (`AWS_ACCESS_KEY_ID`), as
    BuildKit does. Names that also contain `PUBLIC`, `FILE` or `VERSION` are fine
    (`PUBLIC_KEY`, `PASSWORD_FILE`). ARGs before the first FROM are not checked: they never
    reach an image unless a stage declares them again.

    ## Why is this bad?
    ENV values are stored in the image configuration, and ARG values used by a RUN end up in
    the image history: anyone who can pull the image can read them with `docker history`.
    `RUN --mount=type=secret` exposes a secret to one command without storing it.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    ARG API_TOKEN
    RUN test -n "$API_TOKEN"
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM alpine:3.24
    RUN --mount=type=secret,id=api_token test -s /run/secrets/api_token
    USER 65534:65534
    ```

    ## References
    - [BuildKit check SecretsUsedInArgOrEnv](https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/)
    """
    in_stage = df.is_fragment
    for ins in df.instructions:
        if ins.keyword == "FROM":
            in_stage = True
        if ins.keyword == "ENV":
            names = [k for k, _ in key_values(ins, df.escape)[0]]
        elif ins.keyword == "ARG" and in_stage:
            names = [w.partition("=")[0] for w in split_words(ins.args, df.escape)]
        else:
            continue
        for name in names:
            if _SECRET.search(name) and not _ALLOWED.search(name):
                yield Violation(ins.line, f"{ins.keyword} {name!r} looks like sensitive data: it is stored in the "
                                          f"image; use RUN --mount=type=secret instead")
