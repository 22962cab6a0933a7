"""DG615: a package or build cache left behind in the final image."""

from ...analysis.hygiene import (covers, image_stages, mounts, removed_path, removes_docker_clean, root_base,
                               ships, stage_values)
from ...images import normalize
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_TRUTHY = ("1", "true", "yes", "on")
# ENV the official images set, which the Dockerfile does not show.
_IMAGE_ENV = {"golang": {"GOPATH": "/go"}, "rust": {"CARGO_HOME": "/usr/local/cargo"}}


@rule(id="DG615", whole_image=True, name="package-cache-in-final-image", severity="info", guide="layers.md#package-caches",
      summary="Keep package and build caches out of the final image: a cache mount, or clean in the same RUN.",
      fragment_ok=False,
      requires=("npm", "yarn", "go", "uv", "poetry", "cargo", "apt"))
def package_cache_in_final_image(df, ctx):
    """
    ## What it does
    In the stages whose layers make up the final image (the last stage and the stages it is
    built FROM), fires on a RUN that fills a cache and leaves it in the layer: `npm install/ci`
    (`~/.npm`), `yarn install` (yarn's global cache), `go build/install/mod download`
    (`~/.cache/go-build`, `$GOPATH/pkg/mod`) outside golang images, `uv pip install/sync`
    (`~/.cache/uv`), `poetry install` (`~/.cache/pypoetry`), `cargo build/install`
    (`$CARGO_HOME/registry`), and `apt-get install` after the Dockerfile removed Debian's
    `docker-clean` hook (the `.deb` files then stay in `/var/cache/apt/archives`). A cache or
    tmpfs mount over the directory, a no-cache flag or variable, or cleaning it in the same RUN
    all count, wherever the cache lives (ENV HOME, GOPATH, GOCACHE, CARGO_HOME...). apt lists,
    pip and apk are covered by DL3009, DL3042 and DG203 (DL3019), and `go` in golang images by
    DG406 (cache mounts for go build): they are not repeated here. Builder stages are never
    reported, nor a snippet that only shows a builder (no CMD or ENTRYPOINT, and a named or only
    stage).

    ## Why is this bad?
    A cache is for the next build, not for the running container. Left in a layer, it adds
    tens to hundreds of megabytes that no one reads, and deleting it in a later RUN does not
    give the space back.

    ## Example
    ```dockerfile
    FROM node:20-slim
    WORKDIR /app
    COPY package.json package-lock.json /app/
    RUN npm ci --omit=dev
    COPY server.js /app/server.js
    USER 65534:65534
    CMD ["node", "server.js"]
    ```

    ## Use instead
    ```dockerfile
    FROM node:20-slim
    WORKDIR /app
    COPY package.json package-lock.json /app/
    RUN npm ci --omit=dev && npm cache clean --force
    COPY server.js /app/server.js
    USER 65534:65534
    CMD ["node", "server.js"]
    ```

    ## References
    - [Docker docs: cache mounts](https://docs.docker.com/build/cache/optimize/#use-cache-mounts)
    """
    if not ships(df):
        return
    docker_clean_gone = False
    for stage in image_stages(df):
        for ins in stage.instructions:
            if ins.keyword != "RUN":
                continue
            family = normalize(root_base(df, stage)).split(":")[0]
            values = {**_IMAGE_ENV.get(family, {}), **stage_values(df, stage, ins.line)}
            cmds = run_commands(ins)
            docker_clean_gone |= removes_docker_clean(ins)
            cleared = [m["target"] for m in mounts(ins, "cache", "tmpfs")]
            cleared += [removed_path(a, values) for c in cmds if c.name == "rm" for a in c.argv[1:] if not a.startswith("-")]
            left: dict[str, list[str]] = {}
            for cmd in cmds:
                if cmd.name == "go" and family in ("golang", "library/golang"):
                    continue  # DG406 asks for cache mounts on every go build in golang stages
                for tool, path in _caches(cmd, cmds, values, docker_clean_gone):
                    if not any(covers(c, path) for c in cleared if c) and path not in left.get(tool, []):
                        left.setdefault(tool, []).append(path)
            for tool, paths in left.items():
                yield Violation(ins.line, f"`{tool}` leaves its cache ({', '.join(paths)}) in the final image: use "
                                          f"a cache mount or clean it in the same RUN")


def _caches(cmd, cmds, values, docker_clean_gone):
    """(tool words, cache directory) pairs this command fills and does not opt out of."""
    env = {**{k: v for k, v in values.items() if v is not None}, **dict(cmd.env)}
    home = env.get("HOME") or "/root"
    sub = cmd.subcommand()
    if cmd.name == "npm" and sub in ("install", "i", "ci", "add", "update"):
        if not any(c.name == "npm" and c.subcommand() == "cache" for c in cmds):
            yield "npm " + sub, env.get("npm_config_cache") or f"{home}/.npm"
    elif cmd.name == "yarn" and sub in ("", "install", "add"):
        if not any(c.name == "yarn" and c.subcommand() == "cache" for c in cmds):
            yield "yarn " + (sub or "install"), env.get("YARN_CACHE_FOLDER") or "/usr/local/share/.cache/yarn"
    elif cmd.name == "go" and (sub in ("build", "install", "get", "run") or cmd.argv[1:3] in (
            ("mod", "download"), ("mod", "tidy"))):
        cleans = [c for c in cmds if c.name == "go" and c.subcommand() == "clean"]
        gopath = env.get("GOPATH") or f"{home}/go"
        if sub != "mod" and not any(c.has("-cache") for c in cleans):
            yield "go " + sub, env.get("GOCACHE") or f"{home}/.cache/go-build"
        if not any(c.has("-modcache") for c in cleans) and "-mod=vendor" not in cmd.argv:
            yield "go " + sub, env.get("GOMODCACHE") or f"{gopath.split(':')[0]}/pkg/mod"
    elif cmd.name == "uv" and sub in ("pip", "sync", "tool"):
        if not (cmd.has("--no-cache", "-n") or env.get("UV_NO_CACHE", "").lower() in _TRUTHY
                or any(c.name == "uv" and c.subcommand() == "cache" for c in cmds)):
            yield "uv " + sub, env.get("UV_CACHE_DIR") or f"{env.get('XDG_CACHE_HOME') or home + '/.cache'}/uv"
    elif cmd.name == "poetry" and sub in ("install", "add", "update"):
        if not (cmd.has("--no-cache") or any(c.name == "poetry" and c.subcommand() == "cache" for c in cmds)):
            yield "poetry " + sub, env.get("POETRY_CACHE_DIR") or f"{home}/.cache/pypoetry"
    elif cmd.name == "cargo" and sub in ("build", "install"):
        yield "cargo " + sub, f"{env.get('CARGO_HOME') or home + '/.cargo'}/registry"
    elif cmd.name in ("apt-get", "apt") and sub in ("install", "upgrade", "dist-upgrade") and docker_clean_gone:
        if not any(c.name in ("apt-get", "apt") and c.subcommand() in ("clean", "autoclean") for c in cmds):
            yield f"{cmd.name} {sub}", "/var/cache/apt/archives"
