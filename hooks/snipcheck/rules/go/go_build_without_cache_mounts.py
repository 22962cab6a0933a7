"""DG406: `go build` without cache mounts for the module and build caches (or at the wrong path)."""

from ...analysis.flow import Flow, join, under
from ...analysis.queries import base_info
from ...rulekit import Violation, rule


@rule(id="DG406", name="go-build-without-cache-mounts", severity="info", guide="caching.md",
      summary="Mount caches at GOMODCACHE and GOCACHE for `go build`.", fragment_ok=False,
      requires=("go",))
def go_build_without_cache_mounts(df, ctx):
    r"""
    ## What it does
    Fires on `go build`/`go install` in a `golang` stage whose RUN has no
    `--mount=type=cache` at the build cache (`GOCACHE`, `/root/.cache/go-build` in the golang
    images) or at the module cache (`GOMODCACHE`, `/go/pkg/mod`), or mounts one at a path the
    go command does not use. `ENV GOCACHE`, `GOMODCACHE`, `GOPATH`, `XDG_CACHE_HOME` and
    `HOME` move the expected paths. The module cache mount is not needed when an earlier
    `RUN go mod download` put the modules into a layer, nor with `-mod=vendor`.

    ## Why is this bad?
    Layer caching is all or nothing: one changed `.go` file reruns the whole `go build`, which
    then compiles every dependency (and the standard library for a new GOOS/GOARCH) from
    scratch. A cache mount keeps the go build cache between builds, so only changed packages
    compile; a mount at a wrong path is silently empty every time.

    ## Example
    ```dockerfile
    # syntax=docker/dockerfile:1
    FROM golang:1.27 AS build
    WORKDIR /src
    RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go \
        --mount=type=bind,target=. \
        CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/app .
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
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
    FROM gcr.io/distroless/static-debian13:nonroot
    COPY --from=build /out/app /app
    ENTRYPOINT ["/app"]
    ```

    ## References
    - [Docker docs: Go cache mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    - [go help environment: GOCACHE, GOMODCACHE](https://pkg.go.dev/cmd/go#hdr-Environment_variables)
    """
    flow = Flow.of(df)
    for stage in df.stages:
        info = base_info(df, stage)
        if info is None or not info.family.startswith("golang"):
            continue
        for step, args in flow.go_steps(stage):
            env = step.env
            targets = step.mount_targets("cache")
            needed = []
            gocache = env.get("GOCACHE") or join(env.get("XDG_CACHE_HOME"), "go-build") or \
                (join(env.get("HOME"), ".cache/go-build") if not _non_root(flow, stage, step.ins.line) else None)
            if gocache:
                needed.append(("build cache", "GOCACHE", gocache))
            gopath = (env.get("GOPATH") or "").split(":")[0]
            gomodcache = env.get("GOMODCACHE") or (join(gopath, "pkg/mod") if gopath else None)
            vendored = (args.get("mod") == "vendor") or "-mod=vendor" in (env.get("GOFLAGS") or "")
            if gomodcache and not vendored and not _downloaded_in_layer(flow, stage, step, gomodcache):
                needed.append(("module cache", "GOMODCACHE", gomodcache))
            missing = [n for n in needed if not any(under(n[2], t) for t in targets)]
            if not missing:
                continue
            wrong = [t for t in targets if not any(under(n[2], t) for n in needed)]
            what = " and ".join(f"the {label} ({var}={path})" for label, var, path in missing)
            hint = f"; the cache mount at {', '.join(wrong)} is not a path go uses" if wrong else ""
            yield Violation(step.ins.line, f"`go {step.cmd.subcommand()}` has no cache mount for {what}{hint}: add "
                                           + " ".join(f"--mount=type=cache,target={path}" for _, _, path in missing))


def _non_root(flow, stage, line):
    """Does a USER other than root run the RUN at `line`? (HOME, and so GOCACHE, moves then.)"""
    user = "root"
    for st in flow.chain(stage):
        for ins in st.instructions:
            if st is stage and ins.line >= line:
                break
            if ins.keyword == "USER":
                user = ins.args.split(":")[0].strip()
    return user not in ("root", "0")


def _downloaded_in_layer(flow, stage, step, gomodcache):
    """Did an earlier RUN download the modules into a layer (not into a cache mount)?"""
    for st in flow.chain(stage):
        for earlier in flow.run_steps(st):
            if earlier.ins.line >= step.ins.line and st is stage:
                return False
            if earlier.cmd.name == "go" and earlier.cmd.subcommand() == "mod" and "download" in earlier.cmd.argv \
                    and not any(under(gomodcache, t) for t in earlier.mount_targets("cache")):
                return True
    return False
