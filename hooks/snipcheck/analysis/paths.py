"""Which instruction of a stage put a path there: the data-flow half of the flow and scratch rules.

`origin_of(flow, stage, path)` walks the stage's FROM chain backwards (COPY/ADD destinations,
WORKDIR, the RUN commands it understands, then the base-image table). It answers None when the
path is certainly absent, an Origin otherwise; kind "unknown" means "cannot tell".
"""

from __future__ import annotations

import posixpath
from ..records import dataclass, replace

from .. import images
from .gobuild import go_args
from .flow import C_COMPILERS, Flow, Step, expand, installed_packages, join, under
from ..model import Instruction
from .queries import base_info, copy_words
from ..stages import Stage

ZONEINFO = "/usr/share/zoneinfo"
CA_PATHS = ("/etc/ssl/certs", "/etc/ssl/cert.pem", "/etc/pki/tls/certs")
SYSTEM_DIRS = ("/bin", "/sbin", "/lib", "/lib64", "/usr", "/etc", "/var", "/opt", "/root", "/home", "/tmp", "/run",
               "/srv", "/dev", "/proc", "/sys", "/mnt", "/media")
# Commands that write nothing a later COPY could pick up (or change files only in place).
_HARMLESS = frozenset("cd export set echo printf true false : test [ chmod chown chgrp rm rmdir ls cat grep find "
                      "which id whoami sleep exit ldd file du df upx strip sed stat readlink env date uname".split())
_FILE_EXT = frozenset("go mod sum work json txt toml lock yaml yml py js mjs ts sh conf cfg ini crt pem key xml "
                      "html css md gz tgz zip tar bin so a c h rs".split())
_USERS = ("/etc/passwd", "/etc/group", "/etc/shadow", "/home")


@dataclass(frozen=True)
class Origin:
    kind: str  # go, c, copy, context, file, package, base, unknown; mounted/missing: not really there
    stage: Stage | None = None
    ins: Instruction | None = None
    step: Step | None = None
    source: tuple[Stage, str] | None = None  # for a COPY --from=<stage>: that stage and its path


def origin_of(flow: Flow, stage: Stage, path: str) -> Origin | None:
    """Where `path` (absolute) in `stage` comes from; None when it certainly does not exist.
    Asked by many rules of the same paths: answered once per Flow."""
    key = ("origin_of", stage.index, path)
    if key not in flow.memo:
        flow.memo[key] = _origin_of(flow, stage, path)
    return flow.memo[key]


def _origin_of(flow: Flow, stage: Stage, path: str) -> Origin | None:
    mounted = None
    for st in reversed(flow.chain(stage)):
        for ins in reversed(st.instructions):
            found = _produced_by(flow, st, ins, path)
            if found is not None and found.kind == "mounted":
                mounted = mounted or found
            elif found is not None:
                return found
    info = base_info(flow.df, stage)
    in_base = base_has(info, path) if info is not None else None
    if in_base is None:
        return Origin("unknown", stage)
    return Origin("base", stage) if in_base else mounted


def source_origin(flow: Flow, stage: Stage, path: str) -> Origin | None:
    """Where `path` in `stage` was made, its COPY --from hops followed back into their source
    stages: a loop, not recursion (a chain of a thousand stages must not exhaust the stack), and
    every hop's answer kept (asked of each stage of such a chain, it stays linear). None: it
    certainly does not exist; a "copy" origin: copied through more hops than there are stages."""
    hops: list[tuple] = []
    origin = None
    for _ in range(len(flow.stages) + 1):
        key = ("source_origin", stage.index, path)
        if key in flow.memo:
            origin = flow.memo[key]
            break
        hops.append(key)
        origin = origin_of(flow, stage, path)
        if origin is None or origin.kind != "copy" or not origin.source:
            break
        stage, path = origin.source
    for key in hops:
        flow.memo[key] = origin
    return origin


def present(flow: Flow, stage: Stage, path: str) -> bool | None:
    """True when `path` exists at the end of `stage`, False when certainly not, None when unknown.
    A COPY --from is followed into its source stage."""
    origin = source_origin(flow, stage, path)
    if origin is None or origin.kind in ("mounted", "missing"):
        return False
    return None if origin.kind == "unknown" else True


def built_binary(flow: Flow, stage: Stage, path: str) -> Origin | None:
    """The `go build` or C compile that produced `path`, following COPY --from hops."""
    origin = source_origin(flow, stage, path)
    return origin if origin is not None and origin.kind in ("go", "c") else None


def copy_parts(flow: Flow, stage: Stage, ins: Instruction) -> tuple[list[str], str | None]:
    """Sources (as written, variables expanded) and resolved destination of a COPY/ADD."""
    key = ("copy_parts", stage.index, id(ins))
    if key not in flow.memo:
        flow.memo[key] = _copy_parts(flow, stage, ins)
    sources, dest = flow.memo[key]
    return list(sources), dest


def _copy_parts(flow: Flow, stage: Stage, ins: Instruction) -> tuple[list[str], str | None]:
    words = list(copy_words(ins))
    if len(words) < 2:
        return [], None
    env = flow.env_at(stage, ins.line)
    dest = expand(words[-1], env)
    resolved = join(flow.workdir_at(stage, ins.line), dest)
    if resolved is not None and dest is not None and dest.endswith("/"):
        resolved = resolved.rstrip("/") + "/"
    return [s for s in (expand(w, env) for w in words[:-1]) if s is not None], resolved


def covered_source(sources: list[str], dest: str, path: str) -> list[str]:
    """The source paths a COPY may have put at `path` (more than one when a source without an
    extension may be a file or a directory); empty when `path` is not under its destination."""
    into_dir = dest.endswith("/") or len(sources) > 1
    dest = dest.rstrip("/") or "/"
    found = []
    for src in sources:
        if src.startswith("<<"):
            if path == (posixpath.join(dest, src.lstrip("<-\"'")) if into_dir else dest):
                found.append(src)
            continue
        file_like = _file_like(src)
        if path == (posixpath.join(dest, posixpath.basename(src.rstrip("/"))) if into_dir else dest):
            found.append(src)
        if not file_like and under(path, dest) and path != dest:
            found.append(posixpath.join(src, posixpath.relpath(path, dest)))
        elif not file_like and path == dest:
            found.append(src)
    return list(dict.fromkeys(found))


def _file_like(src: str) -> bool:
    base = posixpath.basename(src.rstrip("/"))
    return not any(c in src for c in "*?[") and "." in base.strip(".") and base.rsplit(".", 1)[-1] in _FILE_EXT


def _produced_by(flow: Flow, st: Stage, ins: Instruction, path: str) -> Origin | None:
    if ins.keyword in ("COPY", "ADD"):
        sources, dest = copy_parts(flow, st, ins)
        if dest is None:
            return Origin("unknown", st, ins) if len(ins.args.split()) >= 2 else None
        candidates = covered_source(sources, dest, path)
        if not candidates:
            return None
        src = candidates[0]
        ref = ins.flag("from")
        source_stage = flow.stage_named(ref, st) if ref else None
        if source_stage is not None and not src.startswith("<<"):
            paths = [join("/", c) for c in candidates]
            found = next((p for p in paths if present(flow, source_stage, p) is not False), paths[0])
            return Origin("copy", st, ins, source=(source_stage, found))
        image = images.lookup(ref) if ref and source_stage is None else None
        if image is not None and base_has(image, join("/", src)) is False:
            return Origin("missing", st, ins)  # copied from an image that lacks it: the build fails
        return Origin("context" if not ref else "unknown", st, ins)
    if ins.keyword == "WORKDIR":
        return Origin("file", st, ins) if join(flow.workdir_at(st, ins.line), ins.args.strip()) == path else None
    if ins.keyword == "RUN":
        result = None
        for step in flow.steps_of(st, ins):
            found = _written_by(step, path)
            if found is not None:
                found = replace(found, stage=st)
                temp = [t for t in step.mount_targets("cache", "tmpfs", "bind") if under(path, t)]
                result = Origin("mounted", st, ins, step) if temp and found.kind != "unknown" else found
        return result
    return None


def _written_by(step: Step, path: str) -> Origin | None:
    cmd, cwd, args = step.cmd, step.cwd, step.cmd.argv[1:]
    go = go_args(cmd)
    for target in cmd.writes:  # redirections: `> file`, `>>file`, `&> file`
        if join(cwd, expand(target, step.env) or target) == path:
            return Origin("file", None, step.ins, step)
    if go is not None:
        out = go.get("o")
        if out is None:
            root = (step.env.get("GOBIN") or join(step.env.get("GOPATH") or "/root/go", "bin")) \
                if cmd.subcommand() == "install" else cwd
            hit = root is not None and under(path, root) and path != root
        else:
            target = join(cwd, expand(out, step.env))
            hit = target is None or path == target or (out.endswith("/") and under(path, target))
        return Origin("go", None, step.ins, step) if hit else None
    if cmd.name in C_COMPILERS:
        out = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "-o"), "a.out")
        return Origin("c", None, step.ins, step) if join(cwd, out) == path else None
    if installed_packages(cmd):
        packages = installed_packages(cmd)
        if under(path, ZONEINFO):
            return Origin("package", None, step.ins, step) if "tzdata" in packages or cmd.name != "apk" else None
        return Origin("package", None, step.ins, step) if any(under(path, d) for d in SYSTEM_DIRS) else None
    if cmd.name in ("adduser", "useradd", "addgroup", "groupadd"):
        return Origin("file", None, step.ins, step) if any(under(path, u) for u in _USERS) else None
    if cmd.name == "update-ca-certificates":
        return Origin("file", None, step.ins, step) if under(path, "/etc/ssl") else None
    if cmd.name in ("mkdir", "touch"):
        hit = any(join(cwd, a) == path for a in args if not a.startswith("-"))
        return Origin("file", None, step.ins, step) if hit else None
    if cmd.name in ("cp", "mv", "ln", "install") and args:
        dest = join(cwd, args[-1])
        return Origin("file", None, step.ins, step) if dest is None or under(path, dest) else None
    if cmd.name in _HARMLESS or _system_file(path):
        return None
    if cmd.name == "go" and cmd.subcommand() in ("mod", "test", "vet", "version"):
        return None
    return Origin("unknown", None, step.ins, step)  # a command we do not model may write anywhere


def _system_file(path: str) -> bool:
    """Zone data, CA certificates, the user database: a command not modelled above is taken not to
    write them (asked last: most commands are modelled)."""
    return under(path, ZONEINFO) or any(under(path, p) for p in CA_PATHS) or any(under(path, u) for u in _USERS)


def base_has(info: images.ImageInfo, path: str) -> bool | None:
    """Does the base image contain `path`? None when the table cannot say."""
    if under(path, ZONEINFO):
        return info.zoneinfo
    if any(under(path, p) or under(p, path) for p in CA_PATHS):
        return info.ca_bundle if info.ca_bundle is not None else None
    if path in ("/etc/passwd", "/etc/group"):
        return info.passwd
    if path == "/":
        return True
    if info.family == "scratch":
        return False
    if info.family.startswith("golang") and under(path, "/go"):
        return path in ("/go", "/go/bin", "/go/src")
    if any(under(path, d) for d in SYSTEM_DIRS):
        return None
    return False


def shell_missing(flow: Flow, stage: Stage, line: int | None = None) -> str | None:
    """"/bin/sh" when a shell-form instruction at `line` (end of stage for None) would need it and
    the stage has none: a known base without a shell (scratch, distroless) and no COPY of
    /bin/sh. A `SHELL` instruction names another program; whether that exists is the concern of
    the rule about SHELL, so the answer is then None."""
    info = base_info(flow.df, stage)
    if info is None or info.shell:
        return None
    copies = []
    for st in flow.chain(stage):
        for ins in st.instructions:
            if st is stage and line is not None and ins.line >= line:
                break
            if ins.keyword == "SHELL":
                return None
            if ins.keyword in ("COPY", "ADD"):
                copies.append(copy_parts(flow, st, ins))
    if any(dest and covered_source(sources, dest, "/bin/sh") for sources, dest in copies):
        return None
    return "/bin/sh"


def feeding_stages(flow: Flow, stage: Stage) -> list[Stage]:
    """The stage's FROM chain and every stage it copies or mounts from, transitively."""
    seen: dict[int, Stage] = {}
    todo = [stage]
    while todo:
        st = todo.pop()
        if st.index in seen:
            continue
        seen[st.index] = st
        todo.extend(flow.stages[i] for i in st.depends_on)
    return [seen[i] for i in sorted(seen)]


def shipped_binaries(flow: Flow, stage: Stage):
    """(COPY instruction, source path, Origin) for every binary the stage's FROM chain copies from
    another stage, where the `go build` or C compile that produced it is known."""
    for st in flow.chain(stage):
        for ins in st.instructions:
            ref = ins.flag("from") if ins.keyword == "COPY" else None
            source = flow.stage_named(ref, st) if ref else None
            if source is None:
                continue
            for src in copy_parts(flow, st, ins)[0]:
                path = join("/", src)
                built = built_binary(flow, source, path) if path and not any(c in src for c in "*?[") else None
                if built is not None:
                    yield ins, path, built
