"""Measured facts of a built image, read from `docker save`: size, compressed size, layers, wasted
bytes, the user it runs as, and build tools left in it.

Wasted bytes are what a later layer deletes (a `.wh.` whiteout, or an opaque `.wh..wh..opq`
directory) or overwrites: the bytes still ship in the earlier layer although no container sees
them. The compressed size is gzip (level 6, as `docker push` compresses) of each layer tar; it is
cached by the layer's diff ID, so a base layer shared by many examples is compressed once.
"""

from __future__ import annotations

import json
import posixpath
import tarfile
import zlib
from ..records import asdict, dataclass, fields
from pathlib import Path
from typing import MutableMapping

WHITEOUT = ".wh."
OPAQUE = ".wh..wh..opq"
# Files whose presence in a final image means a compiler or build tool shipped with it.
TOOLCHAIN_FILES = ("usr/local/go/bin/go", "usr/lib/go/bin/go", "usr/bin/gcc", "usr/bin/cc", "usr/bin/make",
                   "usr/bin/ld", "usr/local/cargo/bin/cargo", "usr/bin/git")


@dataclass(frozen=True)
class ImageFacts:
    size: int  # bytes, unpacked, as `docker image inspect` reports
    compressed_size: int  # bytes, sum of gzip -6 of every layer tar
    layers: int  # layers in the image (instructions that add no files make none)
    wasted_bytes: int  # bytes of files a later layer deletes or overwrites
    user: str  # Config.User; "" means root
    toolchain: tuple[str, ...] = ()  # build tools present in the image
    wasted_paths: tuple[str, ...] = ()  # the largest wasted files, biggest first (at most 5)
    measured_at: str = ""  # "2026-11-30 01:10 UTC": when the image was built and measured

    @property
    def runs_as(self) -> str:
        return self.user or "root (no USER)"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImageFacts":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("toolchain", "wasted_paths"):
            values[name] = tuple(values.get(name) or ())
        return cls(**values)


def facts_from_archive(archive: Path, inspect: dict, layer_sizes: MutableMapping[str, int]) -> ImageFacts:
    """Facts of the one image in a `docker save` archive; `inspect` is `docker image inspect`'s entry."""
    with tarfile.open(archive) as outer:
        manifest = json.load(outer.extractfile("manifest.json"))[0]
        config = json.load(outer.extractfile(manifest["Config"]))
        diff_ids = config.get("rootfs", {}).get("diff_ids", [])
        walk = LayerWalk()
        compressed = 0
        for n, layer_path in enumerate(manifest["Layers"]):
            diff_id = diff_ids[n] if n < len(diff_ids) else layer_path
            layer = outer.extractfile(_resolve(outer, layer_path))
            if layer_sizes.get(diff_id) is None:
                layer_sizes[diff_id] = gzip_size(layer)
                layer.seek(0)
            compressed += layer_sizes[diff_id]
            with tarfile.open(fileobj=layer, mode="r:") as tar:
                walk.add_layer(tar)
    image_config = inspect.get("Config") or {}
    return ImageFacts(
        size=int(inspect.get("Size") or 0), compressed_size=compressed,
        layers=len((inspect.get("RootFS") or {}).get("Layers") or manifest["Layers"]),
        wasted_bytes=walk.wasted, user=image_config.get("User") or "",
        toolchain=tuple(p for p in TOOLCHAIN_FILES if p in walk.files),
        wasted_paths=tuple(p for p, _ in sorted(walk.wasted_by_path.items(), key=lambda i: -i[1])[:5]),
    )


class LayerWalk:
    """The image's file tree, layer by layer, and the bytes each layer makes unreachable."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}  # path -> size of the version a container sees
        self.wasted = 0
        self.wasted_by_path: dict[str, int] = {}

    def add_layer(self, members) -> None:
        added: dict[str, int] = {}
        for member in members:
            path = _normal(member.name)
            folder, base = posixpath.split(path)
            if base == OPAQUE:
                self._drop_under(folder, keep_self=True)
            elif base.startswith(WHITEOUT):
                self._drop_under(posixpath.join(folder, base[len(WHITEOUT):]))
            else:
                if path in self.files and not member.isdir():
                    self._waste(path, self.files.pop(path))
                added[path] = member.size if member.isreg() else 0
        self.files.update(added)

    def _drop_under(self, path: str, keep_self: bool = False) -> None:
        prefix = path + "/" if path else ""
        for existing in [p for p in self.files if p.startswith(prefix) or (p == path and not keep_self)]:
            self._waste(existing, self.files.pop(existing))

    def _waste(self, path: str, size: int) -> None:
        if size:
            self.wasted += size
            self.wasted_by_path[path] = self.wasted_by_path.get(path, 0) + size


def gzip_size(stream, level: int = 6, chunk: int = 1 << 20) -> int:
    """Bytes of `stream` under gzip at `level`, without keeping the output."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    total = 0
    while data := stream.read(chunk):
        total += len(compressor.compress(data))
    return total + len(compressor.flush())


def _resolve(outer: tarfile.TarFile, name: str) -> tarfile.TarInfo:
    """The layer's member; OCI-style archives store layers as symlinks to blobs."""
    member = outer.getmember(name)
    while member.issym():
        member = outer.getmember(posixpath.normpath(posixpath.join(posixpath.dirname(member.name), member.linkname)))
    return member


def _normal(name: str) -> str:
    return posixpath.normpath(name).lstrip("/").removeprefix("./") if name not in (".", "./") else ""
