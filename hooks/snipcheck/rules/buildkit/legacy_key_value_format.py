"""DG113: ENV or LABEL in the legacy `KEY value` form."""

import re

from .support import key_values, split_words
from ...rulekit import Violation, rule
from ...stages import AUTOMATIC_PLATFORM_ARGS, variables_used


@rule(id="DG113", name="legacy-key-value-format", severity="info", guide="reference/checks.md",
      summary="Write `ENV KEY=value` and `LABEL key=value`, not the legacy `KEY value` form.",
      aliases=("LegacyKeyValueFormat",),
      requires=("env", "label", "arg"))
def legacy_key_value_format(df, ctx):
    """
    ## What it does
    Fires on `ENV KEY value` and `LABEL key value` (a space instead of `=`). Also fires on
    `ARG NAME value` when the second word is never used as a variable anywhere in the file:
    then it is almost certainly a value written in the legacy form, not a second ARG.

    ## Why is this bad?
    The legacy form sets only one variable and takes the whole rest of the line as its value,
    quotes and all: `ENV A 1 B 2` sets `A` to `1 B 2`. It is deprecated, and the `=` form makes
    the boundaries visible. `ARG NAME value` silently declares an ARG called `value`.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    ENV APP_HOME /srv/app
    USER 65534:65534
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    ENV APP_HOME=/srv/app
    USER 65534:65534
    ```

    ## References
    - [BuildKit check LegacyKeyValueFormat](https://docs.docker.com/reference/build-checks/legacy-key-value-format/)
    """
    used = set(variables_used(df.text))
    for ins in df.instructions:
        if ins.keyword in ("ENV", "LABEL"):
            pairs, legacy = key_values(ins, df.escape)
            if legacy and pairs:
                key, value = pairs[0]
                yield Violation(ins.line, f"legacy \"{ins.keyword} {key} value\" format: write "
                                          f"{ins.keyword} {key}={_quoted(value)}")
        elif ins.keyword == "ARG":
            words = split_words(ins.args, df.escape)
            if len(words) == 2 and "=" not in ins.args and _looks_like_value(words[1], used):
                yield Violation(ins.line, f"ARG {words[0]} {words[1]} declares two ARGs; if {words[1]!r} is meant "
                                          f"as the default, write ARG {words[0]}={words[1]}")


def _looks_like_value(word: str, used: set[str]) -> bool:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", word):
        return True
    return word not in used and word not in AUTOMATIC_PLATFORM_ARGS


def _quoted(value: str) -> str:
    value = " ".join(value.split())
    return f'"{value}"' if " " in value and not value.startswith(('"', "'")) else value
