"""Content-hash cache of real-build results, shared by `mkdocs build`, `mkdocs serve`, the CLI and CI.

An example is built again only when something that can change its outcome changed: the Dockerfile
text, the build context (every file of the sample app, the .dockerignore), the base images (locked
digests from snippets/images.lock, else the image IDs the engine resolves), the builder's settings
and the checker's own version. One JSON file per key under cache_folder("builds"): written to a
temporary file and moved into place with os.replace, so two builds at once never see half a file,
and deleting the folder at any time only costs rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
from ..records import asdict, fields, replace
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..atomicfile import write_atomically
from .model import BuildJob, BuildOutcome, Status

FORMAT = 1  # bump when the stored JSON changes shape


def build_key(job: BuildJob, images: dict[str, str], settings: dict, context: str,
              version: str | None = None) -> str:
    """The key of one job's result: sha256 over everything that can change the outcome."""
    material = {
        "format": FORMAT,
        "dockerfile": job.dockerfile,
        "build_args": [list(a) for a in job.build_args],
        "run_args": list(job.run_args),
        "context": context,
        "images": dict(sorted(images.items())),
        "settings": dict(sorted(settings.items())),
        "checker": version if version is not None else checker_version(),
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def context_digest(folder: Path, dockerignore: str | None) -> str:
    """sha256 over every file of the build context (path, mode, content) and the .dockerignore used."""
    h = hashlib.sha256()
    folder = Path(folder)
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(folder).as_posix()
        h.update(f"{rel}\0{path.lstat().st_mode:o}\0".encode())
        h.update(os.readlink(path).encode() if path.is_symlink() else path.read_bytes())
        h.update(b"\0")
    h.update(b"dockerignore\0" + (dockerignore.encode() if dockerignore is not None else b"\xff"))
    return h.hexdigest()


@lru_cache(maxsize=1)
def checker_version() -> str:
    """The installed snipcheck version plus a hash of the builder's own source: a change to how
    examples are built or measured invalidates every stored result."""
    try:
        version = metadata.version("snipcheck")
    except metadata.PackageNotFoundError:
        version = "unknown"
    h = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.name.encode() + b"\0" + source.read_bytes())
    return f"{version}+{h.hexdigest()[:12]}"


class BuildCache:
    """Stored outcomes by key. `get` never raises on a damaged entry: it is a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> BuildOutcome | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            outcome = outcome_from_dict(data["outcome"]) if data.get("format") == FORMAT else None
        except (OSError, ValueError, KeyError, TypeError):
            outcome = None
        if outcome is None:
            self.misses += 1
            return None
        self.hits += 1
        return replace(outcome, cached=True)

    def put(self, key: str, outcome: BuildOutcome, **meta) -> None:
        """Store atomically (atomicfile.write_atomically). Results that say more
        about the moment than about the example (a timeout) are not stored."""
        if not is_storable(outcome):
            return
        text = json.dumps({"format": FORMAT, "key": key, **meta, "outcome": outcome_to_dict(outcome)}, indent=1)
        write_atomically(self.path(key), text)


def is_storable(outcome: BuildOutcome) -> bool:
    return not outcome.transient


def outcome_to_dict(outcome: BuildOutcome) -> dict:
    data = asdict(outcome)
    data["status"] = str(outcome.status)
    data.pop("cached", None)
    return data


def outcome_from_dict(data: dict) -> BuildOutcome:
    known = {f.name for f in fields(BuildOutcome)}
    values = {k: v for k, v in data.items() if k in known}
    values["status"] = Status(values["status"])
    values["notes"] = tuple(values.get("notes") or ())
    if values.get("facts") is not None:
        from .facts import ImageFacts

        values["facts"] = ImageFacts.from_dict(values["facts"])
    return BuildOutcome(**values)


class LayerSizes:
    """gzip sizes of layer tars by diff ID, one small file each under the cache folder's layers/:
    a base layer shared by many examples is compressed once, across runs."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def get(self, diff_id: str, default=None):
        try:
            return int(self._path(diff_id).read_text())
        except (OSError, ValueError):
            return default

    def __setitem__(self, diff_id: str, size: int) -> None:
        write_atomically(self._path(diff_id), str(int(size)))

    def __getitem__(self, diff_id: str) -> int:
        value = self.get(diff_id)
        if value is None:
            raise KeyError(diff_id)
        return value

    def _path(self, diff_id: str) -> Path:
        return self.folder / (diff_id.split(":")[-1][:64] + ".gzip")

