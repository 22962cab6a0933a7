"""DG120: EXPOSE with an IP address or a host port."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule


@rule(id="DG120", name="expose-invalid-format", severity="warning", guide="reference/checks.md",
      summary="EXPOSE takes container ports only, not `ip:host:container` mappings.",
      aliases=("ExposeInvalidFormat",),
      requires=("expose",))
def expose_invalid_format(df, ctx):
    """
    ## What it does
    Fires on each `EXPOSE` port written with an IP address or a host port, such as
    `127.0.0.1:80:80` or `8080:80`.

    ## Why is this bad?
    EXPOSE only documents which container ports the image listens on; publishing, and choosing
    the host side, happens at `docker run -p`. The host part is ignored today (the image exposes
    the container port) and will be rejected in a future release.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    EXPOSE 8080:8080
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    EXPOSE 8080
    ```

    ## References
    - [BuildKit check ExposeInvalidFormat](https://docs.docker.com/reference/build-checks/expose-invalid-format/)
    """
    for ins in instructions(df, "EXPOSE"):
        for port in ins.args.split():
            if "$" not in port and ":" in port:
                container = port.rsplit(":", 1)[1]
                yield Violation(ins.line, f"EXPOSE {port!r} defines an IP address or host port: expose the "
                                          f"container port only ({container}) and publish with docker run -p")
