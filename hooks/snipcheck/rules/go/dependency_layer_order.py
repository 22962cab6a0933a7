"""DG405: sources copied before the dependencies are downloaded (go mod, npm, pip)."""

import fnmatch
from functools import lru_cache
import posixpath

from ...analysis.flow import Flow, Step, join
from ...analysis.queries import copy_words, is_remote_source
from ...rulekit import Violation, rule
from ...analysis.shell import run_commands

_MANIFESTS = {
    "go": ("go.mod", "go.sum", "go.work", "go.work.sum", "vendor"),
    "npm": ("package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
            "pnpm-workspace.yaml", ".npmrc", ".yarnrc", ".yarnrc.yml", ".yarn", ".pnpmfile.cjs", ".pnpmfile.mjs",
            "patches"),
    "pip": ("requirements*.txt", "constraints*.txt", "requirements", "pyproject.toml", "poetry.lock", "uv.lock",
            "Pipfile", "Pipfile.lock", "setup.cfg"),
}
_FIX = {"go": "COPY go.mod go.sum ./ and RUN go mod download", "npm": "COPY package.json package-lock.json ./ and "
        "RUN npm ci", "pnpm": "COPY package.json pnpm-lock.yaml ./ and RUN pnpm install --frozen-lockfile",
        "yarn": "COPY package.json yarn.lock ./ and RUN yarn install --frozen-lockfile",
        "pip": "COPY requirements.txt ./ and RUN pip install -r requirements.txt"}


@rule(id="DG405", name="dependency-layer-order", severity="warning", guide="caching.md",
      summary="Copy the dependency manifests and download dependencies before copying the sources.",
      requires=("copy", "add"))
def dependency_layer_order(df, ctx):
    """
    ## What it does
    Fires on a `COPY`/`ADD` of sources from the build context (anything but dependency
    manifests) that comes before the first step fetching dependencies in the stage:
    `go mod download` (or a `go build`/`go test` that downloads implicitly), `npm ci`,
    `npm install`, `yarn install`, `pnpm install`, `pnpm fetch`, `pip install -r` (not
    `go install tool@v1`, which ignores go.mod). Installs that do not fetch are left alone,
    since a source change does not download anything again: offline installs from a store
    filled earlier (`pnpm fetch` then `pnpm install --offline`, `npm ci --offline`,
    `pip install --no-index --find-links`), a `go build` with a cache mount at the module
    cache (`/go/pkg/mod`), `-mod=vendor` or `GOPROXY=off` builds, and builds after the module
    cache was copied in from another stage. A cache mount does not excuse `npm ci` or
    `go mod download` after the sources: cache mounts stay on one builder and are not exported
    with the layer cache, so a CI build on a fresh builder downloads everything again.

    ## Why is this bad?
    A COPY layer is rebuilt whenever any copied file changes, and so is every layer after it.
    With the sources copied first, a one-line code change downloads all modules or packages
    again. Copying only `go.mod go.sum` (or `package*.json`, `requirements.txt`) first puts
    the download in a layer that is rebuilt only when the dependencies change.

    ## Example
    ```dockerfile fragment
    WORKDIR /src
    COPY go.mod go.sum *.go ./
    RUN go mod download
    ```

    ## Use instead
    ```dockerfile fragment
    WORKDIR /src
    COPY go.mod go.sum ./
    RUN go mod download
    COPY *.go ./
    ```

    ## References
    - [Docker docs: optimize cache usage](https://docs.docker.com/build/cache/optimize/)
    """
    if not df.stages:
        steps = {id(ins): [Step(ins, c, {}, None) for c in run_commands(ins)] for ins in df.instructions}
        yield from _check(df.instructions, steps, {id(ins) for ins in df.instructions})
        return
    flow = Flow.of(df)
    for stage in df.stages:
        stages = flow.chain(stage)
        steps = {}
        for step in (s for st in stages for s in flow.run_steps(st)):
            steps.setdefault(id(step.ins), []).append(step)
        yield from _check([i for st in stages for i in st.instructions], steps, {id(i) for i in stage.instructions})


def _check(sequence, steps, own):
    broad = None
    fetched = set()
    for ins in sequence:
        if ins.keyword == "COPY" and ins.flag("from") and _copies_module_cache(ins):
            fetched.add("go")  # the modules were downloaded in another stage, from go.mod alone
        if ins.keyword in ("COPY", "ADD") and not ins.flag("from") and not ins.heredocs and broad is None:
            words = list(copy_words(ins))
            if any(not _is_manifest(src) and not is_remote_source(src) for src in words[:-1]):
                broad = ins
        for step in steps.get(id(ins), []) if ins.keyword == "RUN" else ():
            eco = _fetch(step)
            if eco is None or eco in fetched:
                continue
            fetched.add(eco)
            if eco == "go" and broad is not None and _only_go_files(broad):
                continue  # `go build hello.go` without a go.mod: the standard library only, nothing to fetch
            if broad is not None and id(ins) in own:
                yield Violation(broad.line, f"sources are copied (line {broad.line}) before "
                                            f"`{' '.join(step.cmd.argv[:3])}` (line {ins.line}): every source change "
                                            f"fetches all dependencies again; {_FIX.get(step.cmd.name, _FIX[eco])} "
                                            f"first, then copy the sources")


def _copies_module_cache(ins) -> bool:
    words = list(copy_words(ins))
    return bool(words) and words[-1].rstrip("/").endswith("/pkg/mod")


def _only_go_files(ins) -> bool:
    words = list(copy_words(ins))
    return all(src.endswith(".go") for src in words[:-1])


_PATTERNS = tuple(p for group in _MANIFESTS.values() for p in group)
_GLOBS = tuple(p for p in _PATTERNS if "*" in p)
_PLAIN_NAMES = frozenset(p.replace("*", "") for p in _PATTERNS)  # also `requirements.txt` for `requirements*.txt`


@lru_cache(maxsize=1024)  # the same few file names, asked for every COPY of every snippet
def _is_manifest(src: str) -> bool:
    """A dependency manifest, or a source pattern that may copy one (`COPY *.json`)."""
    base = posixpath.basename(src.rstrip("/")) or src
    if not any(c in base for c in "*?["):  # a plain name: only the few manifest globs need fnmatch
        return base in _PLAIN_NAMES or any(fnmatch.fnmatch(base, p) for p in _GLOBS)
    # A pattern (`COPY *.json`): does a manifest's name match it, or is it one of the manifest globs?
    # (Only those: a manifest name without a wildcard never equals a pattern, nor need it be compiled.)
    return any(fnmatch.fnmatch(name, base) for name in _PLAIN_NAMES) or any(fnmatch.fnmatch(base, p) for p in _GLOBS)


def _fetch(step):
    cmd, argv = step.cmd, step.cmd.argv
    sub = cmd.subcommand()
    if cmd.name == "go" and (sub == "mod" and "download" in argv or sub in ("build", "install", "test", "vet", "run")):
        if any("@" in a for a in argv[2:] if not a.startswith("-")):
            return None  # go install tool@version does not read go.mod
        env = step.env
        if (env.get("GOPROXY") or "").strip() == "off":
            return None  # offline: only what is already in the module cache or vendor/
        if sub != "mod":
            gomodcache = env.get("GOMODCACHE") or join(env.get("GOPATH") or "/go", "pkg/mod")
            if any(gomodcache.startswith(t.rstrip("/")) for t in step.mount_targets("cache")):
                return None
            if any(a.startswith("-mod=vendor") for a in argv) or "-mod=vendor" in (env.get("GOFLAGS") or ""):
                return None
        return "go"
    if cmd.name in ("npm", "yarn", "pnpm") and "--offline" in argv:
        return None  # installs from a store filled earlier (`pnpm fetch`): nothing is downloaded
    if cmd.name == "npm" and (sub == "ci" or sub in ("install", "i") and all(a.startswith("-") for a in argv[2:])):
        return "npm"
    if cmd.name in ("yarn", "pnpm") and sub in ("", "install", "i") or cmd.name == "pnpm" and sub == "fetch":
        return "npm"
    if cmd.name.startswith("python"):
        argv = argv[2:] if argv[1:3] == ("-m", "pip") else ()
        cmd_name = "pip"
    else:
        cmd_name = cmd.name
    if cmd_name in ("pip", "pip3") and "install" in argv and any(a in ("-r", "--requirement") or
                                                                  a.startswith("--requirement=") for a in argv):
        if "--no-index" in argv:
            return None  # from local wheels (`--find-links`): nothing is downloaded
        return "pip"
    return None
