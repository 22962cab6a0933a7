"""DG803: COPY or ADD of a file that looks like a secret (keys, .env, credentials, .git)."""

import posixpath
import re
from functools import lru_cache

from ...patterns import LazyPattern
from ...analysis.queries import copy_words, effective
from ...rulekit import Violation, rule

# Certificates, CA bundles and public keys are PEM files too, and meant to be shipped.
_PUBLIC_PEM = LazyPattern(r"^(.*[-_.])?(ca|cacert|certs?|chain|fullchain|pub|public|bundle)([-_.].*)?\.pem$", re.I)
# (pattern on the path without ./ and trailing /, what it is); first match wins.
_SECRETS = (
    (re.compile(r"(^|/)\.env(\.(?!(example|sample|template|dist|defaults?)$)[\w.-]+)?$|[\w-]\.env$", re.I),
     "an environment file"),
    (re.compile(r"(^|/)id_(rsa|dsa|ecdsa|ed25519)(\*)?$"), "an SSH private key"),
    (re.compile(r"(^|/)\.ssh(/|$)"), "an SSH directory"),
    (re.compile(r"\.(key|p12|pfx|jks|keystore|kdbx)$", re.I), "a private key or key store"),
    (re.compile(r"\.pem$", re.I), "a PEM key"),
    (re.compile(r"(^|/)\.git(/|$)"), "the git directory (history, remotes, sometimes tokens)"),
    (re.compile(r"(^|/)\.(npmrc|pypirc|netrc|git-credentials|dockercfg|htpasswd|pgpass)$"),
     "a credentials file"),
    (re.compile(r"(^|/)(\.docker/config\.json|\.aws(/credentials)?|\.kube/config|kubeconfig)$"), "a credentials file"),
    (re.compile(r"(^|/)(credentials|[\w-]*service[-_]account[\w-]*|secrets?)(\.(json|ya?ml|toml|txt|ini))?$", re.I),
     "a credentials file"),
)


@rule(id="DG803", name="copy-secret-file", severity="warning", guide="hardening.md",
      summary="Never COPY keys, .env files or credentials into an image; mount them as build secrets.",
      requires=("copy", "add"))
def copy_secret_file(df, ctx):
    """
    ## What it does
    Fires on COPY or ADD from the build context of a path that looks like a secret: `.env` and
    `.env.production` (not `.env.example`), SSH keys (`id_rsa`, `id_ed25519`; `.pub` is fine),
    `*.key`, `*.p12`, `*.pem` (not CA certificates or certificate chains), `.npmrc`, `.pypirc`,
    `.netrc`, `.docker/config.json`, `.aws/credentials`, `credentials.json`, service-account
    keys, and the `.git` directory. Copies between stages (`--from`) are not reported.

    ## Why is this bad?
    Everything copied into a layer is in the image for good, even if a later RUN deletes it:
    anyone who can pull the image can read the key or token with `docker save`. Secrets that a
    build step needs belong in `RUN --mount=type=secret`, which never writes them to a layer.

    ## Example
    ```dockerfile fragment
    COPY .npmrc package.json package-lock.json /app/
    ```

    ## Use instead
    ```dockerfile fragment
    COPY package.json package-lock.json /app/
    ```

    ## References
    - [Docker docs: build secrets](https://docs.docker.com/build/building/secrets/)
    """
    for raw in df.instructions:
        ins = effective(raw)
        if ins.keyword not in ("COPY", "ADD") or ins.flag("from") is not None or ins.heredocs:
            continue
        words = copy_words(ins)
        for src in words[:-1]:
            kind = _secret_kind(src)
            if kind:
                yield Violation(ins.line, f"{ins.keyword} {src} puts {kind} into the image, readable by anyone who "
                                          f"pulls it: use RUN --mount=type=secret instead")


@lru_cache(maxsize=1024)  # the same sources (`.`, go.mod, the app) in snippet after snippet
def _secret_kind(src: str) -> str | None:
    """What secret the COPY source `src` looks like, or None."""
    path = posixpath.normpath(src.rstrip("/")) if src.strip("./") else "."
    kind = next((what for pattern, what in _SECRETS if pattern.search(path)), None)
    return None if kind is None or _PUBLIC_PEM.match(posixpath.basename(path)) else kind
