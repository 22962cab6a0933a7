"""What a snippet's real build may touch, decided from its text before anything runs. Pure.

- Network: none for every build and run; an example that declares `network="build"` (fence
  option) or `# snipcheck: network` (a line in its file) gets it for its build only, and only
  while the `allow_network` setting allows it.
- Images: every image the example names (FROM, `COPY --from`, `RUN --mount=from=`, the `# syntax=`
  frontend) must be one of the locked base images (snippets/images.lock: its exact
  repository:tag, or a digest the lock holds for that repository) or an earlier stage, so a
  snippet cannot read other images on the engine.
- Cache mounts: rewritten in the temporary Dockerfile to an `id=` of this run and example, so one
  snippet cannot read or poison another's cache. The Go build cache mount is dropped: the golang
  stand-in holds a cache pre-warmed by tools/standins.sh, which each build reads and whose
  changes stay in that build's own layer.
- Every RUN of the temporary Dockerfile carries a marker comment of this run, so the build-cache
  records the run made can be found and removed afterwards (cleanup.py).
"""

from __future__ import annotations

import re
from ..records import dataclass

from ..config import Config
from ..imagelock import LOCK_PATH, LockedImage
from ..model import Dockerfile
from ..parser import parse
from .mirrors import parse_ref

NETWORK_MARKER = re.compile(r"^[ \t]*#[ \t]*snipcheck:[ \t]*network[ \t]*$", re.M)
GO_BUILD_CACHE = "/root/.cache/go-build"
_MARKED = re.compile(r" # snipcheck-build-[\w.-]+")


@dataclass(frozen=True)
class AllowedImages:
    """What the lock allows a build to name: (registry, repository, tag) of each locked reference,
    and (registry, repository, digest) of each digest the lock holds."""

    tags: frozenset[tuple[str, str, str]] = frozenset()
    digests: frozenset[tuple[str, str, str]] = frozenset()


def allowed_images(lock: dict[str, LockedImage]) -> AllowedImages:
    """The base images a build may name: the entries of snippets/images.lock. An unresolved entry
    is allowed by name (a registry that has it pulls it; where none does, it is not built)."""
    tags, digests = set(), set()
    for entry in lock.values():
        image = parse_ref(entry.reference)
        if image.digest:
            digests.add((image.registry, image.path, image.digest))
        else:
            tags.add((image.registry, image.path, image.tag))
        if entry.digest:
            digests.add((image.registry, image.path, entry.digest))
    return AllowedImages(frozenset(tags), frozenset(digests))


def image_allowed(ref: str, allowed: AllowedImages) -> bool:
    """Is `ref` (as written in a Dockerfile) locked? Compared as the engine reads it (docker.io and
    library/ filled in, `latest` for no tag); a digest-pinned reference must carry a digest the
    lock holds for its repository (the engine ignores the tag then)."""
    image = parse_ref(ref)
    if image.digest:
        return (image.registry, image.path, image.digest) in allowed.digests
    return (image.registry, image.path, image.tag) in allowed.tags


def named_images(df: Dockerfile) -> list[tuple[int, str]]:
    """(line, reference) of every image the build would read that is not one of its own stages.

    A reference that still holds a variable after global ARGs are resolved is kept as written:
    the check cannot tell what it names, so it is refused like an unknown image."""
    out: list[tuple[int, str]] = []
    names: set[str] = set()
    for index, stage in enumerate(df.stages):
        base = stage.base_resolved if stage.parent is None else None
        if base and base.lower() != "scratch":
            out.append((stage.from_instruction.line, base))
        for ins in stage.instructions:
            refs = [ins.flag("from")] if ins.keyword in ("COPY", "ADD") and ins.flag("from") else []
            if ins.keyword == "RUN":
                refs += [mount_options(m)["from"] for m in ins.flag_values("mount") if "from" in mount_options(m)]
            for ref in refs:
                if ref.lower() in names or (ref.isdigit() and int(ref) < index):
                    continue
                out.append((ins.line, ref))
        if stage.name:
            names.add(stage.name.lower())
    syntax = df.directive("syntax")
    if syntax is not None:  # the frontend image runs inside BuildKit: it is named like any other
        out.insert(0, (syntax.line, syntax.value))
    return out


def refusal(dockerfile: str, network: bool, config: Config, allowed: AllowedImages) -> str | None:
    """Why the build must not start (one line, naming the image or setting), or None."""
    if network and not config.allow_network:
        return ("the example asks for the network during its build (network=\"build\"), and networked builds "
                "are switched off here (allow_network: false)")
    df = parse(dockerfile)
    bad = [(line, ref) for line, ref in named_images(df) if "$" in ref or not image_allowed(ref, allowed)]
    if bad:
        listed = ", ".join(f"{ref} (line {line})" for line, ref in bad)
        return (f"names images that are neither locked base images nor earlier stages: {listed}. A real build "
                f"uses only the images in {LOCK_PATH} (exact repository:tag, or a digest it holds), so a snippet "
                f"cannot read other images on the engine; if the guide means to use these, run "
                f"`snipcheck images lock` and commit {LOCK_PATH}")
    return None


def wants_network(option: str | None, text: str) -> bool:
    """The fence option `network="build"` or a `# snipcheck: network` line in the example."""
    return option == "build" or NETWORK_MARKER.search(text) is not None


def isolate(text: str, namespace: str) -> str:
    """The Dockerfile to build: cache mounts namespaced, Go build cache mounts dropped, and a
    marker comment of `namespace` at the end of every shell-form RUN."""
    df = parse(text)
    lines = text.split("\n")
    for ins in df.instructions:
        if ins.keyword != "RUN":
            continue
        for mount in ins.flag_values("mount"):
            options = mount_options(mount)
            if options.get("type") != "cache":
                continue
            if options.get("target", options.get("dst", options.get("destination"))) == GO_BUILD_CACHE:
                replacement = ""
            else:
                options["id"] = f"{namespace}/{options.get('id') or options.get('target', '')}"
                replacement = "--mount=" + ",".join(f"{k}={v}" if v else k for k, v in options.items())
            _replace_in(lines, ins.line - 1, ins.end_line - 1, f"--mount={mount}", replacement)
        if not ins.json_args and not ins.heredocs:
            lines[ins.end_line - 1] = lines[ins.end_line - 1].rstrip() + f" # {marker(namespace)}"
    return "\n".join(lines)


def marker(namespace: str) -> str:
    return f"snipcheck-build-{namespace}"


def unmark(text: str) -> str:
    """Build output as the example wrote it: without the markers `isolate` added."""
    return _MARKED.sub("", text)


def mount_options(mount: str) -> dict[str, str]:
    options: dict[str, str] = {}
    for part in mount.split(","):
        key, _, value = part.partition("=")
        options[key.strip().lower()] = value.strip()
    return options


def _replace_in(lines: list[str], first: int, last: int, old: str, new: str) -> None:
    for n in range(first, last + 1):
        if old in lines[n]:
            lines[n] = lines[n].replace(old, new, 1)
            return
