"""What a snippet's real build may touch, decided from its text before anything runs. Pure.

- Network: none for every build and run; an example that declares `network="build"` (fence
  option) or `# snipcheck: network` (a line in its file) gets it for its build only, and only
  while the `allow_network` setting allows it.
- Images: every image the example names (FROM, `COPY --from`, `RUN --mount=from=`) must be an
  allowed base image or an earlier stage, so a snippet cannot read other images on the engine.
- Cache mounts: rewritten in the temporary Dockerfile to an `id=` of this run and example, so one
  snippet cannot read or poison another's cache. The Go build cache mount is dropped: the golang
  stand-in holds a cache pre-warmed by tools/standins.sh, which each build reads and whose
  changes stay in that build's own layer.
- Every RUN of the temporary Dockerfile carries a marker comment of this run, so the build-cache
  records the run made can be found and removed afterwards (cleanup.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..config import Config
from ..model import Dockerfile
from ..parser import parse

NETWORK_MARKER = re.compile(r"^[ \t]*#[ \t]*snipcheck:[ \t]*network[ \t]*$", re.M)
GO_BUILD_CACHE = "/root/.cache/go-build"
_MARKED = re.compile(r" # snipcheck-build-[\w.-]+")
# Repositories whose images are the guide's base images (any tag): the local stand-ins that
# tools/standins.sh makes, and the official images the guide names but that are not built here.
KNOWN_BASE_IMAGES = frozenset({
    "golang", "debian", "ubuntu", "alpine", "busybox",
    "gcr.io/distroless/static", "gcr.io/distroless/static-debian12", "gcr.io/distroless/static-debian13",
    "gcr.io/distroless/base", "gcr.io/distroless/base-debian12", "gcr.io/distroless/base-debian13",
    "gcr.io/distroless/cc", "gcr.io/distroless/cc-debian12", "gcr.io/distroless/cc-debian13",
})


def allowed_images(config: Config, root: Path) -> frozenset[str]:
    """The base images a build may name: `repository` (any tag) or `repository:tag` entries.

    Today the known base images of the guide; the images lock will narrow this to exact,
    pinned references."""
    return KNOWN_BASE_IMAGES


def image_allowed(ref: str, allowed: frozenset[str]) -> bool:
    """Is `ref` (as written in a Dockerfile) one of `allowed`? Docker Hub's implicit prefixes and
    a digest are ignored for the comparison; an entry without a tag allows every tag."""
    name = ref.split("@", 1)[0]
    for prefix in ("docker.io/library/", "index.docker.io/library/", "docker.io/", "library/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    repo, tag = name, "latest"
    if ":" in name.rsplit("/", 1)[-1]:
        repo, tag = name.rsplit(":", 1)
    return repo in allowed or f"{repo}:{tag}" in allowed


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
    return out


def refusal(dockerfile: str, network: bool, config: Config, allowed: frozenset[str]) -> str | None:
    """Why the build must not start (one line, naming the image or setting), or None."""
    if network and not config.allow_network:
        return ("the example asks for the network during its build (network=\"build\"), and networked builds "
                "are switched off here (allow_network: false)")
    df = parse(dockerfile)
    bad = [(line, ref) for line, ref in named_images(df) if "$" in ref or not image_allowed(ref, allowed)]
    if bad:
        listed = ", ".join(f"{ref} (line {line})" for line, ref in bad)
        return f"names images that are not allowed base images or earlier stages: {listed}"
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
