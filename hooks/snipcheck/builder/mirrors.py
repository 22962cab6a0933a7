"""Image references and registry mirrors. Pure: no I/O.

A `mirrors` map sends a registry's images to another place, the way an air-gapped company
points its builds at an internal mirror:

    mirrors: {docker.io: "127.0.0.1:5000", gcr.io: "127.0.0.1:5000/gcr.io"}

`golang:1.27` is `docker.io/library/golang:1.27` and becomes `127.0.0.1:5000/library/golang:1.27`;
`gcr.io/distroless/static-debian13` becomes `127.0.0.1:5000/gcr.io/distroless/static-debian13`.
The builder applies the map by rewriting the references in the temporary Dockerfile it builds
(FROM, COPY --from, RUN --mount from=, ARG defaults they come from, the `# syntax=` line), so the
page's text stays as written and dockerd needs no daemon-wide mirror flag.
"""

from __future__ import annotations

import re
from ..records import dataclass

DEFAULT_REGISTRY = "docker.io"


@dataclass(frozen=True)
class ImageRef:
    registry: str  # "docker.io", "gcr.io", "127.0.0.1:5000"
    path: str  # "library/golang", "distroless/static-debian13"
    tag: str = "latest"
    digest: str = ""  # "sha256:…" when pinned

    @property
    def name(self) -> str:
        """'registry/path' as the engine spells it (docker.io shown in full)."""
        return f"{self.registry}/{self.path}"

    def with_tag(self) -> str:
        return f"{self.name}:{self.tag}"

    def pinned(self, digest: str | None = None) -> str:
        return f"{self.name}@{digest or self.digest}" if (digest or self.digest) else self.with_tag()

    @property
    def short(self) -> str:
        """The familiar spelling: 'golang:1.27', 'gcr.io/distroless/static-debian13:nonroot'."""
        path = self.path.removeprefix("library/") if self.registry == DEFAULT_REGISTRY else self.path
        base = path if self.registry == DEFAULT_REGISTRY else f"{self.registry}/{path}"
        return f"{base}:{self.tag}"


def parse_ref(ref: str) -> ImageRef:
    """Split an image reference the way the engine does (docker.io/library/ filled in)."""
    ref = ref.strip()
    rest, _, digest = ref.partition("@")
    first, sep, remainder = rest.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        registry, path = first, remainder
    else:
        registry, path = DEFAULT_REGISTRY, rest
    if registry in ("index.docker.io", "registry-1.docker.io"):
        registry = DEFAULT_REGISTRY
    name, tag = path, "latest"
    last = path.rsplit("/", 1)[-1]
    if ":" in last:
        name, tag = path.rsplit(":", 1)
    if registry == DEFAULT_REGISTRY and "/" not in name:
        name = f"library/{name}"
    return ImageRef(registry, name.lower(), tag, digest)


def mirrored(ref: str | ImageRef, mirrors: dict[str, str]) -> ImageRef:
    """The reference through the mirror configured for its registry (unchanged when none is)."""
    image = parse_ref(ref) if isinstance(ref, str) else ref
    target = mirrors.get(image.registry)
    if not target:
        return image
    host, _, prefix = target.strip("/").partition("/")
    return ImageRef(host, f"{prefix}/{image.path}" if prefix else image.path, image.tag, image.digest)


def standin_mirrors(address: str) -> dict[str, str]:
    """The map that sends every registry the guide uses to the local stand-in registry, under the
    real repository paths (docker.io's at the root, others under their host name)."""
    return {"docker.io": address, "gcr.io": f"{address}/gcr.io", "cgr.dev": f"{address}/cgr.dev",
            "quay.io": f"{address}/quay.io", "ghcr.io": f"{address}/ghcr.io"}


def rewrite_dockerfile(text: str, mapping: dict[str, str], lines: dict[int, bool]) -> str:
    """Replace whole image references (keys of `mapping`) on the given 1-based lines only: the
    FROM and ARG lines (anywhere on the line: value True) and the COPY/ADD --from and RUN --mount
    lines (only right after `from=`: value False). A reference is whole when it is bounded by the
    line start, whitespace, `=` or quotes, and by whitespace, `,`, quotes or the line end."""
    if not mapping:
        return text
    names = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
    anywhere = re.compile(r"(?<![^\s=\"'])(" + names + r")(?![^\s,\"'\\])")
    after_from = re.compile(r"(?i)(?<=from=)(" + names + r")(?![^\s,\"'\\])")
    out = text.split("\n")
    for number, whole_line in sorted(lines.items()):
        if 1 <= number <= len(out):
            pattern = anywhere if whole_line else after_from
            out[number - 1] = pattern.sub(lambda m: mapping[m.group(1)], out[number - 1])
    return "\n".join(out)
