"""DG903: a cache mount that the same RUN makes useless, or an apt cache mount set up wrong."""

from ...analysis.hygiene import chain, covers, mounts, removes_docker_clean
from ...model import Severity
from ...analysis.queries import base_info, effective, stage_at
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands
from ...stages import parse_env_declarations

_APT = ("apt-get", "apt", "aptitude")
_FALSY = ("0", "false", "no", "off", "")


@rule(id="DG903", name="cache-mount-contradiction", severity="warning", guide="caching.md",
      summary="A cache mount must not be bypassed, emptied or left unlocked by the RUN that uses it.",
      requires=("--mount",))
def cache_mount_contradiction(df, ctx):
    """
    ## What it does
    Looks at each `RUN --mount=type=cache` and fires (warning) when the same RUN defeats it:
    `apk add --no-cache` with a cache on `/var/cache/apk`; `pip install --no-cache-dir` (or
    `PIP_NO_CACHE_DIR`) with a cache on `~/.cache/pip`; `rm -rf` of the mounted directory,
    `apt-get clean`, `go clean -cache`, `npm cache clean` or `pip cache purge` inside it; an apt
    cache on `/var/cache/apt` while Debian's `docker-clean` hook is still in place (it deletes
    every downloaded `.deb` after each install, unless an earlier or the same RUN removes
    `/etc/apt/apt.conf.d/docker-clean`). Reports apt cache mounts without `sharing=locked` as
    info: apt takes a lock on these directories, and two builds sharing the cache collide.

    ## Why is this bad?
    Each of these builds without an error and caches nothing: the mount costs a little, the
    next build downloads everything again, and the Dockerfile claims a speed-up it does not get.

    ## Example
    ```dockerfile fragment
    RUN --mount=type=cache,target=/var/cache/apk apk add --no-cache ca-certificates=20260909-r0
    ```

    ## Use instead
    ```dockerfile fragment
    RUN --mount=type=cache,target=/var/cache/apk apk add ca-certificates=20260909-r0
    ```

    ## References
    - [Docker docs: RUN --mount=type=cache](https://docs.docker.com/reference/dockerfile/#run---mounttypecache)
    """
    docker_clean_removed = False
    last_stage = None
    for raw in df.instructions:
        ins = effective(raw)
        stage = stage_at(df, raw.line) if df.stages else None
        if stage is not last_stage:
            parents = chain(df, stage)[:-1] if stage is not None else []
            last_stage = stage
            docker_clean_removed = any(removes_docker_clean(i) for st in parents for i in st.instructions)
        if ins.keyword != "RUN":
            continue
        cmds = run_commands(ins)
        docker_clean_removed |= removes_docker_clean(ins)
        caches = mounts(ins, "cache")
        if not caches:
            continue
        targets = [m["target"] for m in caches]
        env = _env(df, stage, raw.line)
        for cmd in cmds:
            problem = _defeats(cmd, targets, env)
            if problem:
                yield Violation(ins.line, problem)
        if not any(c.name in _APT for c in cmds):
            continue
        info = base_info(df, stage) if stage is not None else None
        uses_apt_cache = any(covers(t, "/var/cache/apt/archives") or covers("/var/cache/apt", t) for t in targets)
        if uses_apt_cache and not docker_clean_removed and (info is None or info.package_manager == "apt"):
            yield Violation(ins.line, "apt cache mount on /var/cache/apt while docker-clean is active: it deletes "
                                      "the downloaded .debs after every install; first "
                                      "`rm -f /etc/apt/apt.conf.d/docker-clean`")
        unlocked = [m["target"] for m in caches if m.get("sharing") != "locked" and (
            covers("/var/cache/apt", m["target"]) or covers("/var/lib/apt", m["target"])
            or covers(m["target"], "/var/lib/apt/lists"))]
        if unlocked:
            yield Violation(ins.line, f"apt cache mount(s) on {', '.join(unlocked)} without sharing=locked: "
                                      f"concurrent builds fight over apt's lock", Severity.INFO)


def _defeats(cmd, targets, env):
    """Why this command makes a cache mount in `targets` useless, or None."""
    def mounted(path):
        return next((t for t in targets if covers(t, path)), None)

    sub = cmd.subcommand()
    if cmd.name == "apk" and sub == "add" and cmd.has("--no-cache") and mounted("/var/cache/apk"):
        return f"`apk add --no-cache` never uses the cache mount on {mounted('/var/cache/apk')}: drop one of them"
    pip_off = cmd.has("--no-cache-dir") or dict(cmd.env).get("PIP_NO_CACHE_DIR", env.get("PIP_NO_CACHE_DIR", "0")) \
        .lower() not in _FALSY
    if cmd.name.startswith("pip") and sub == "install" and pip_off and mounted("/root/.cache/pip"):
        return f"`pip install` with --no-cache-dir/PIP_NO_CACHE_DIR never uses the cache mount on " \
               f"{mounted('/root/.cache/pip')}: drop one of them"
    cleaners = {
        ("apt-get", "clean"): "/var/cache/apt/archives", ("apt", "clean"): "/var/cache/apt/archives",
        ("npm", "cache"): "/root/.npm", ("pip", "cache"): "/root/.cache/pip", ("pip3", "cache"): "/root/.cache/pip",
    }
    path = cleaners.get((cmd.name, sub)) if sub == "clean" or cmd.has("clean", "purge", "remove") else None
    if cmd.name == "go" and sub == "clean":
        path = "/root/.cache/go-build" if cmd.has("-cache") else "/go/pkg/mod" if cmd.has("-modcache") else None
    if path and mounted(path):
        return f"`{' '.join(cmd.argv[:3])}` empties the cache mount on {mounted(path)} in every build"
    if cmd.name == "rm":
        for arg in (a for a in cmd.argv[1:] if not a.startswith("-")):
            hit = mounted(arg.rstrip("*").rstrip("/") or "/")
            if hit:
                return f"`rm {arg}` deletes the contents of the cache mount on {hit}: the next build starts cold"
    return None


def _env(df, stage, line):
    out = {}
    for st in chain(df, stage) if stage is not None else ():
        for ins in st.instructions:
            if ins.line < line and ins.keyword == "ENV":
                out.update(parse_env_declarations(ins.args))
    return out
