"""DG222: ENV uses a variable that the same ENV instruction defines."""

import re

from ...analysis.queries import effective
from ...rulekit import Violation, rule
from ...stages import parse_arg_declarations, parse_env_declarations


@rule(id="DG222", name="env-references-same-instruction", severity="error", guide="gotchas.md",
      summary="Do not refer to a variable in the same ENV instruction that defines it.", aliases=("DL3044",),
      requires=("$",))
def env_references_same_instruction(df, ctx):
    """
    ## What it does
    Fires on `ENV A=1 B=$A` when `A` was not defined by an earlier `ARG` or `ENV`. Extending a
    variable with itself (`ENV PATH=/opt/bin:$PATH`) is fine.

    ## Why is this bad?
    All values of one `ENV` line are expanded before any of them is set, so `$A` in `B=$A` is the
    value `A` had before the line: here empty. The image gets `B=` and nothing complains.

    ## Example
    ```dockerfile fragment
    ENV APP_HOME=/srv/app APP_CONFIG=${APP_HOME}/config.yaml
    ```

    ## Use instead
    ```dockerfile fragment
    ENV APP_HOME=/srv/app
    ENV APP_CONFIG=${APP_HOME}/config.yaml
    ```

    ## References
    - [hadolint DL3044](https://github.com/hadolint/hadolint/wiki/DL3044)
    """
    known: set[str] = set()
    for raw in df.instructions:
        ins = effective(raw)
        if ins.keyword == "ARG":
            known.update(name for name, _ in parse_arg_declarations(ins.args))
        elif ins.keyword == "ENV":
            pairs = parse_env_declarations(ins.args)
            for i, (name, _) in enumerate(pairs):
                if name not in known and any(_refers(value, name) for j, (_, value) in enumerate(pairs) if j != i):
                    yield Violation(raw.line, f"${name} is used in the same ENV that defines it: it expands to "
                                              f"the value from before this line, not {name!r} set here; split "
                                              f"the ENV")
                    break
            known.update(name for name, _ in pairs)


def _refers(text: str, name: str) -> bool:
    return re.search(r"\$(\{" + re.escape(name) + r"[}:]|" + re.escape(name) + r"(?![A-Za-z0-9_]))", text) is not None
