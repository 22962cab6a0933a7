"""DG501: a Go network client shipped in an image without a CA bundle."""

from ...analysis.cgo import reads_ca_certificates
from ...analysis.paths import CA_PATHS, feeding_stages, present
from ...analysis.flow import Flow
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG501", whole_image=True, name="final-image-without-ca-certificates", severity="warning", guide="certs-and-timezones.md",
      summary="A Go app in scratch (or another base without CA certificates) cannot verify TLS.", fragment_ok=False,
      requires=("go",))
def final_image_without_ca_certificates(df, ctx):
    r"""
    ## What it does
    Fires when the final stage is based on an image without a CA bundle (`scratch`; also
    `debian`/`ubuntu` without the `ca-certificates` package), ships a Go binary (a stage that
    feeds it runs `go build`), and nothing puts certificates at `/etc/ssl/certs`: no COPY
    there, no package install, no `SSL_CERT_FILE`/`SSL_CERT_DIR`. A Go app is taken to be a
    network client, unless the Dockerfile writes the whole Go source itself (heredocs) and it
    imports nothing that reaches `crypto/x509`; write `no_tls` on the fence of an example that
    makes no TLS connections.

    ## Why is this bad?
    Go reads the system's trusted roots from `/etc/ssl/certs`. Without them, the first HTTPS
    call fails with `x509: certificate signed by unknown authority`, long after the image was
    built and pushed. The fix is one line: copy the bundle from the builder.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM scratch
    COPY --from=build /out/app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## Use instead
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    COPY --from=build /out/app /app
    USER 65534:65534
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [crypto/x509: where Go looks for root certificates on Linux](https://go.dev/src/crypto/x509/root_linux.go)
    """
    flow = Flow.of(df)
    if ctx.declared_no_tls or not df.stages:
        return
    final = df.stages[-1]
    info = base_info(df, final)
    if info is None or info.ca_bundle is not False:
        return
    builders = [st for st in feeding_stages(flow, final) if any(True for _ in flow.go_steps(st))]
    reads = {reads_ca_certificates(flow, st) for st in builders}
    if not builders or reads == {False}:
        return
    env = flow.env_at(final)
    if env.get("SSL_CERT_FILE") or env.get("SSL_CERT_DIR"):
        return
    if any(present(flow, final, p) is not False for p in (*CA_PATHS, "/etc/ssl/certs/ca-certificates.crt")):
        return
    effect = ("its source imports a TLS client (crypto/x509), so TLS connections will fail" if True in reads else
              "if it makes outgoing TLS connections, they will fail")
    yield Violation(final.from_instruction.line, f"the final image ({final.base}) has no CA certificates but ships a "
                                                 f"Go app: {effect}; COPY /etc/ssl/certs/ca-certificates.crt from the "
                                                 f"builder (or mark the example no_tls)")
