"""DG211: EXPOSE a port number above 65535."""

import re

from ...analysis.queries import instructions
from ...rulekit import Violation, rule
from ...wholenumbers import whole_number

_PORT = re.compile(r"^(\d+)(?:-(\d+))?(?:/\w+)?$")


@rule(id="DG211", name="expose-port-out-of-range", severity="error", guide="gotchas.md",
      summary="EXPOSE ports must be between 0 and 65535.", aliases=("DL3011",),
      requires=("expose",))
def expose_port_out_of_range(df, ctx):
    """
    ## What it does
    Fires on an `EXPOSE` port, or port range, with a number above 65535. Ports given through a
    variable are left alone.

    ## Why is this bad?
    TCP and UDP port numbers are 16 bits. Docker refuses such an image at `docker run -P` time,
    and the number is almost always a typo (`80800` for `8080`).

    ## Example
    ```dockerfile fragment
    EXPOSE 80800
    ```

    ## Use instead
    ```dockerfile fragment
    EXPOSE 8080
    ```

    ## References
    - [hadolint DL3011](https://github.com/hadolint/hadolint/wiki/DL3011)
    """
    for ins in instructions(df, "EXPOSE"):
        for word in ins.words:
            m = _PORT.match(word)
            if m and any(whole_number(p) > 65535 for p in m.groups() if p):
                yield Violation(ins.line, f"EXPOSE {word}: valid ports range from 0 to 65535")
