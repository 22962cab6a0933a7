"""DG802: ADD of a remote file or git repository without a checksum."""

import re

from ...analysis.hygiene import stage_values
from ...analysis.queries import copy_words, effective, stage_at
from ...rulekit import Violation, rule
from ...stages import parse_arg_declarations, parse_env_declarations, substitute

_URL = re.compile(r"^(https?|ftp)://", re.I)
_GIT = re.compile(r"^(git@|git://|ssh://)|\.git(#|$)", re.I)
_COMMIT = re.compile(r"#[0-9a-f]{40}(:|$)", re.I)


@rule(id="DG802", name="add-url-without-checksum", severity="info", guide="hardening.md",
      summary="Pin what `ADD <url>` downloads with `--checksum`.",
      requires=("add",))
def add_url_without_checksum(df, ctx):
    """
    ## What it does
    Fires on `ADD` of an http(s) or ftp URL without `--checksum=sha256:...`, and on `ADD` of a
    git repository that is neither checked with `--checksum` nor pinned to a full commit hash
    (`#<40 hex digits>`). ARG and ENV values are expanded first (`ADD ${URL} /x`).

    ## Why is this bad?
    The file behind a URL can change at any time: a new release under the same name, a
    compromised server. Without a checksum the build takes whatever comes, silently, and two
    builds of the same Dockerfile produce different images. With `--checksum` BuildKit refuses a
    download that does not match.

    ## Example
    ```dockerfile fragment
    ADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    ```

    ## Use instead
    ```dockerfile fragment
    ADD --checksum=sha256:bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3 \\
        https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    ```

    ## References
    - [Dockerfile reference: ADD --checksum](https://docs.docker.com/reference/dockerfile/#add---checksum)
    """
    for raw in df.instructions:
        ins = effective(raw)
        if ins.keyword != "ADD" or ins.heredocs or ins.flag("checksum"):
            continue
        words = copy_words(ins)
        values = _values(df, raw.line)
        for src in (substitute(w, values) if "$" in w else w for w in words[:-1]):
            if _GIT.search(src) and not _COMMIT.search(src):
                yield Violation(ins.line, f"ADD {src} takes whatever the branch or tag points to: pin a commit "
                                          f"(#<sha>) or add --checksum")
            elif _URL.match(src) and not _GIT.search(src):
                yield Violation(ins.line, f"ADD {src} without --checksum: the download is not verified")


def _values(df, line):
    stage = stage_at(df, line) if df.stages else None
    if stage is not None:
        return stage_values(df, stage, line)
    values = {}
    for ins in df.instructions:
        if ins.line >= line:
            break
        if ins.keyword == "ARG":
            values.update((n, v) for n, v in parse_arg_declarations(ins.args) if v is not None)
        elif ins.keyword == "ENV":
            values.update(parse_env_declarations(ins.args))
    return values
