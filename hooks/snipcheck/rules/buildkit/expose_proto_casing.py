"""DG119: EXPOSE with an upper-case protocol (`80/TCP`)."""

from ...analysis.queries import instructions
from ...rulekit import Violation, rule


@rule(id="DG119", name="expose-proto-casing", severity="info", guide="reference/checks.md",
      summary="Write EXPOSE protocols in lower case: `80/tcp`, `53/udp`.", aliases=("ExposeProtoCasing",),
      requires=("expose",))
def expose_proto_casing(df, ctx):
    """
    ## What it does
    Fires on each `EXPOSE` port whose protocol is not all lower case, such as `8080/TCP`.

    ## Why is this bad?
    Docker accepts it today, but the protocol is meant to be lower case and tools that read
    the image configuration compare it literally.

    ## Example
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    EXPOSE 8080/TCP
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.24
    USER 65534:65534
    EXPOSE 8080/tcp
    ```

    ## References
    - [BuildKit check ExposeProtoCasing](https://docs.docker.com/reference/build-checks/expose-proto-casing/)
    """
    for ins in instructions(df, "EXPOSE"):
        for port in ins.args.split():
            _, slash, proto = port.rpartition(":")[2].partition("/")
            if slash and "$" not in proto and proto != proto.lower():
                yield Violation(ins.line, f"protocol in EXPOSE {port!r} should be lowercase: "
                                          f"{port[:len(port) - len(proto)]}{proto.lower()}")
