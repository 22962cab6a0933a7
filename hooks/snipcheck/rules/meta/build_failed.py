"""DG010: The example does not build against the sample app. Reported by the real build (snipcheck.builder), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG010", name="build-failed", severity="error", guide="reference/checks.md#real-build",
      summary="The example does not build against the sample app.",
      checks_instructions=False)
def build_failed(df, ctx):
    """
    ## What it does
    With the real build on, every complete example that takes files from the sample app
    (`snippets/app/`) is built with a real Docker engine and BuildKit. This rule reports an
    example whose build fails, at the instruction that failed, with that step's last output lines.
    Examples that cannot be tried on the machine (a base image that is not available, a
    Dockerfile feature newer than the engine's frontend) are reported as "not built here",
    never as this rule.

    ## Why is this bad?
    A reader who copies the example gets an error instead of an image. A linter cannot see most
    of these: a file or package the app does not have, a compile error, a path an earlier stage
    never produced. Here the example builds `./cmd/server`, but the sample app keeps its one
    `main` package at the top of the module, so `go build` finds no such directory.

    ## Example
    ~~~markdown
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    COPY go.mod ./
    RUN --mount=type=cache,target=/go/pkg/mod go mod download
    COPY *.go ./
    ARG VERSION=dev
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
        CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/app ./cmd/server

    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
    COPY --from=build /out/app /app
    USER 65532:65532
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## Use instead
    ~~~markdown
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    COPY go.mod ./
    RUN --mount=type=cache,target=/go/pkg/mod go mod download
    COPY *.go ./
    ARG VERSION=dev
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\
        CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/app .

    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
    COPY --from=build /out/app /app
    USER 65532:65532
    ENTRYPOINT ["/app"]
    ```
    ~~~

    ## References
    - [Dockerfile reference: COPY](https://docs.docker.com/reference/dockerfile/#copy)
    - [BuildKit](https://docs.docker.com/build/buildkit/)
    """
    return ()
