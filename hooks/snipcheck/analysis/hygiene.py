"""Questions of the layers, users, supply-chain and BuildKit-feature rules (DG61x-DG9xx).

Which stages put their layers into the final image, what a RUN mounts, what it compiles, and
which packages it installs or removes. Pure helpers over the parsed model, no rule logic.
"""

from __future__ import annotations

import posixpath

from .. import images
from ..model import Dockerfile, Instruction
from .shell import Command, run_commands
from ..stages import Stage, mount_options, parse_arg_declarations, parse_env_declarations, substitute

INSTALL = {("apk", "add"), ("apt-get", "install"), ("apt", "install"), ("aptitude", "install")}
REMOVE = {("apk", "del"), ("apt-get", "purge"), ("apt-get", "remove"), ("apt", "purge"), ("apt", "remove"),
          ("apt-get", "autoremove"), ("apt", "autoremove")}
# Images that are a whole toolchain whatever the tag (golang:*-alpine is still 250 MB of Go).
_TOOLCHAIN_FAMILIES = ("golang", "rust", "maven", "gradle")


def chain(df: Dockerfile, stage: Stage) -> list[Stage]:
    """`stage` and the stages it is built FROM, the root first."""
    out = [stage]
    while out[-1].parent is not None and len(out) <= len(df.stages):
        out.append(df.stages[out[-1].parent])
    return out[::-1]


def image_stages(df: Dockerfile) -> list[Stage]:
    """Stages whose layers are the final image: the last stage and its FROM-<stage> ancestors."""
    return chain(df, df.stages[-1]) if df.stages else []


def root_base(df: Dockerfile, stage: Stage) -> str:
    """The image reference at the root of a FROM-<stage> chain, with global ARG defaults applied."""
    return chain(df, stage)[0].base_resolved


def is_toolchain_image(ref: str) -> bool:
    """golang, rust, maven, gradle at any tag; JDKs without -jre; non-slim node/python/ruby."""
    if not ref or "$" in ref:
        return False
    name = images.normalize(ref)
    repo, _, tag = name.partition(":")
    repo = repo.removeprefix("library/")
    if repo in _TOOLCHAIN_FAMILIES:
        return True
    if repo in ("openjdk", "eclipse-temurin", "amazoncorretto"):
        return "jre" not in tag
    return "/" not in repo and images.is_sdk_image(name)


def mounts(ins: Instruction, *types: str) -> list[dict[str, str]]:
    """Mount options of a RUN, only those of `types` (cache, tmpfs, bind, secret) when given."""
    out = []
    for spec in ins.flag_values("mount"):
        opts = mount_options(spec)
        kind = opts.get("type", "bind")
        if not types or kind in types:
            opts.setdefault("type", kind)
            opts["target"] = mount_target(opts)
            out.append(opts)
    return out


def mount_target(opts: dict[str, str]) -> str:
    target = opts.get("target") or opts.get("dst") or opts.get("destination") or ""
    return posixpath.normpath(target.replace("~", "/root", 1)) if target else ""


def covers(directory: str, path: str) -> bool:
    """Is `path` the directory (a mount target, a removed path) or inside it?"""
    return bool(directory) and (path == directory or path.startswith(directory.rstrip("/") + "/"))


def stage_values(df: Dockerfile, stage: Stage, before_line: int) -> dict[str, str | None]:
    """ARG/ENV values a line in `stage` sees (global defaults for re-declared ARGs, then the stage's own)."""
    from ..stages import global_arg_defaults

    glob = global_arg_defaults(df)
    values: dict[str, str | None] = {}
    for st in chain(df, stage):
        for ins in st.instructions:
            if ins.line >= before_line:
                break
            if ins.keyword == "ENV":
                for name, value in parse_env_declarations(ins.args):
                    values[name] = substitute(value, values)
            elif ins.keyword == "ARG" and st is stage:
                for name, value in parse_arg_declarations(ins.args):
                    values[name] = substitute(value, values) if value is not None else glob.get(name)
    return values


_VALUE_FLAGS = ("-t", "--target-release", "--virtual", "-o", "--repository", "-X")


def packages(cmd: Command) -> list[str]:
    """Package names of an install/remove command, without `=version` pins, flags and flag values."""
    out, seen_sub, skip_next = [], False, False
    for arg in cmd.argv[1:]:
        if skip_next:
            skip_next = False
        elif arg in _VALUE_FLAGS:
            skip_next = True
        elif arg.startswith("-"):
            continue
        elif not seen_sub:
            seen_sub = True
        else:
            out.append(arg.split("=", 1)[0])
    return out


def virtual_name(cmd: Command) -> str | None:
    """The name of `apk add --virtual NAME` / `-t NAME`, if any."""
    argv = list(cmd.argv)
    for i, a in enumerate(argv):
        if a in ("--virtual", "-t") and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--virtual="):
            return a.split("=", 1)[1]
    return None


def install_remove(ins: Instruction) -> tuple[list[tuple[Command, list[str]]], set[str]]:
    """(install commands with their packages, names removed) of one RUN."""
    installs, removed = [], set()
    for cmd in run_commands(ins):
        key = (cmd.name, cmd.subcommand(*_VALUE_FLAGS))
        if key in INSTALL:
            installs.append((cmd, packages(cmd)))
        elif key in REMOVE:
            removed.update(packages(cmd))
    return installs, removed


# What compiles code, by command name: argv[1] must be one of the subcommands (None = any use).
_COMPILERS = {
    "go": ("build", "install"), "cargo": ("build", "install"), "mvn": None, "gradle": None, "gradlew": None,
    "gcc": None, "g++": None, "cc": None, "c++": None, "clang": None, "clang++": None, "make": None,
    "cmake": None, "javac": None, "rustc": None, "dotnet": ("build", "publish"), "mvnw": None,
}


def compile_command(cmd: Command) -> bool:
    """Does this command compile code (go build, cargo build, mvn, gcc, make, ...)?"""
    if cmd.name not in _COMPILERS:
        return False
    subs = _COMPILERS[cmd.name]
    if subs is None:
        return not (cmd.name in ("gcc", "cc", "clang", "g++") and cmd.has("--version", "-v"))
    return cmd.subcommand() in subs


def self_cleaning(ins: Instruction) -> bool:
    """Does this RUN remove, before it ends, packages (or an apk --virtual group) it installed?"""
    installs, removed = install_remove(ins)
    names = {p for _, pkgs in installs for p in pkgs} | {virtual_name(c) for c, _ in installs} - {None}
    return bool(names & removed)


def single_stage_build(df: Dockerfile) -> tuple[Instruction, Command] | None:
    """The first compile step of a one-stage file, unless that RUN installs and removes its toolchain
    on a base that is not itself a toolchain image (the classic lean single-stage build). Asked by
    three rules: answered once per Dockerfile."""
    if single_stage_build not in df.derived:
        df.derived[single_stage_build] = _single_stage_build(df)
    return df.derived[single_stage_build]


def _single_stage_build(df: Dockerfile) -> tuple[Instruction, Command] | None:
    if len(df.stages) != 1:
        return None
    stage = df.stages[0]
    toolchain_base = is_toolchain_image(stage.base_resolved)
    for ins in stage.instructions:
        if ins.keyword != "RUN":
            continue
        hit = next((c for c in run_commands(ins) if compile_command(c)), None)
        if hit is not None and (toolchain_base or not self_cleaning(ins)):
            return ins, hit
    return None


def ships(df: Dockerfile) -> bool:
    """Is the last stage an image meant to run, rather than a builder shown on its own?

    True when the last stage (or a stage it is built FROM) sets CMD or ENTRYPOINT, or when it is
    the unnamed last stage of a multi-stage file. A lone `FROM golang:1.23 AS build` excerpt is not.
    Asked by four rules: answered once per Dockerfile.
    """
    if ships not in df.derived:
        df.derived[ships] = _ships(df)
    return df.derived[ships]


def _ships(df: Dockerfile) -> bool:
    if not df.stages:
        return False
    if any(ins.keyword in ("CMD", "ENTRYPOINT") for st in image_stages(df) for ins in st.instructions):
        return True
    return len(df.stages) > 1 and df.stages[-1].name is None


def removes_docker_clean(ins: Instruction) -> bool:
    """Does this RUN delete Debian's /etc/apt/apt.conf.d/docker-clean (so apt keeps its .debs)?"""
    return ins.keyword == "RUN" and any(c.name == "rm" and any(a.endswith("docker-clean") for a in c.argv)
                                        for c in run_commands(ins))


def removed_path(arg: str, values: dict) -> str:
    """An `rm` operand as an absolute directory (`~/.npm/*` -> /root/.npm), or '' when relative."""
    home = values.get("HOME") or "/root"
    arg = arg.replace("${HOME}", home).replace("$HOME", home).replace("~", home, 1)
    while arg.endswith(("/*", "/")) and len(arg) > 1:
        arg = arg[:-2] if arg.endswith("/*") else arg[:-1]
    return posixpath.normpath(arg) if arg.startswith("/") else ""
