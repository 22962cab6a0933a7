"""DG011: The example builds, but the app does not work in the image. Reported by the real build (snipcheck.builder), not by a check over instructions."""

from ...rulekit import rule


@rule(id="DG011", name="run-failed", severity="error", guide="reference/checks.md#real-build",
      summary="The example builds, but the app's selfcheck fails in the image.",
      checks_instructions=False)
def run_failed(df, ctx):
    """
    ## What it does
    With the real build on, each example image that builds is run once, as the image's own
    user, read-only, with no network: `docker run IMAGE selfcheck`. The sample app's
    `selfcheck` exits non-zero unless it finds CA certificates, can load the `Europe/Berlin`
    time zone, runs as a non-root user and has a version stamped in with
    `-ldflags "-X main.version=..."` (the build passes `--build-arg VERSION=test-N`). This rule
    reports an image whose run fails, with the exit code and the check's output. A declared bad
    example (a fence with `expect=`) may fail: then the finding is expected.

    ## Why is this bad?
    The build succeeds, so only running the image shows the mistake: a binary that needs a libc
    the final image lacks, a user name that `scratch` cannot resolve, a build argument that never
    reaches the linker, or files copied to a path where nothing looks for them. Here the time
    zone database lands in `/zoneinfo`, where Go does not look.

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
        CGO_ENABLED=0 go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/app .

    FROM scratch
    COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
    COPY --from=build /usr/share/zoneinfo /zoneinfo
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
    - [time.LoadLocation](https://pkg.go.dev/time#LoadLocation)
    - [docker run --read-only](https://docs.docker.com/reference/cli/docker/container/run/#read-only)
    """
    return ()
