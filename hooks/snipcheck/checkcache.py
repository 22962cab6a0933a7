"""The persistent check cache: a snippet's result, stored under a hash of everything it depends on.

Key: the snippet's text, fence options, page problems (by snippet line), its .dockerignore, the
settings that change results, and the checker itself (a hash of the package's source files), so a
code change invalidates it. Values are location-free (findings by snippet line), so a snippet that
moves on its page still hits. One file per entry under cache_folder("checks"): written to a temp
file and renamed (two processes may share the folder), read as a miss when missing or damaged
(the folder may be deleted at any time), and trimmed to a size cap, least recently used first.

A site's build also keeps a bundle: one file per site and configuration (under
cache_folder("checks")/sites) holding the entries its last build used, so a warm build reads one
file instead of one per snippet. A bundle is only an index of entries: a miss or a damaged entry
there falls back to the entry's own file.
"""

from __future__ import annotations

import json
import os
import sys
import time
from .records import fields
from pathlib import Path

try:  # what hashlib.blake2b is, without hashlib loading OpenSSL first (5 ms of a cache-served run)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

from .atomicfile import TEMP_PREFIX, remove_quietly, write_atomically
from .cachedir import cache_folder, read_entries, write_entries
from .results import Finding, SnippetResult, result_from
from .config import NOT_AFFECTING_RESULTS, Config
from .severity import Severity
from .snippets import Snippet

FORMAT = "1"
TOUCH_AFTER_S = 600  # a hit refreshes the entry's time (its LRU age) at most this often
TRIM_TO = 0.8  # after eviction the cache holds at most this share of the cap
BUNDLES = "sites"  # subfolder of the sites' bundles; not entries, so trim leaves it alone
KEEP_BUNDLES = 8  # sites (or settings of one site) seen lately
PACKAGE = Path(__file__).resolve().parent
_fingerprint: list[str] = []  # the code a process runs does not change under it: hash it once


def source_fingerprint(package: Path) -> str:
    """A hash of a package's source files, the cache format and the Python version."""
    digest = blake2b(f"{FORMAT} {sys.version_info[:2]}".encode(), digest_size=16)
    for path in _sources(package):
        digest.update(str(path.relative_to(package)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sources(package: Path) -> list[Path]:
    return sorted(Path(entry.path) for entry in _python_files(str(package)))


def _python_files(folder: str):
    """os.DirEntry of every .py file under `folder` (scandir: its stat results come cheap)."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            yield from _python_files(entry.path)
        elif entry.name.endswith(".py"):
            yield entry


def stat_signature(package: Path) -> str:
    """A hash of every source file's name, size and modification time: a few stat calls, no reading.
    It changes whenever an install or an edit rewrites a file."""
    digest = blake2b(f"{FORMAT} {sys.version_info[:2]} {package}".encode(), digest_size=16)
    for entry in sorted(_python_files(str(package)), key=lambda e: e.path):
        st = entry.stat()
        digest.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def checker_fingerprint(folder: Path | None = None) -> str:
    """The running checker's source_fingerprint, computed once per process. With a cache `folder`, it
    is remembered there under the sources' stat_signature: a run whose sources have not changed
    since reads one small file instead of hashing every source file."""
    if _fingerprint:
        return _fingerprint[0]
    memo = folder / ".checker-fingerprint.json" if folder is not None else None
    signature = stat_signature(PACKAGE) if memo is not None else ""
    try:
        known = json.loads(memo.read_text(encoding="utf-8")) if memo is not None else {}
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and known.get("signature") == signature and isinstance(known.get("fingerprint"), str):
        _fingerprint.append(known["fingerprint"])
        return _fingerprint[0]
    _fingerprint.append(source_fingerprint(PACKAGE))
    if memo is not None:
        _write_atomically(memo, json.dumps({"signature": signature, "fingerprint": _fingerprint[0]}))
    return _fingerprint[0]


def config_fingerprint(config: Config) -> str:
    """The settings that can change a result, as stable text."""
    values = {f.name: getattr(config, f.name) for f in fields(config) if f.name not in NOT_AFFECTING_RESULTS}
    return json.dumps(values, sort_keys=True, default=str)


def snippet_key(snippet: Snippet, salt: str) -> str:
    """The cache key of one snippet under one configuration and checker (`salt`)."""
    problems = [(p.rule, p.message, _snippet_line(snippet, p.location)) for p in snippet.problems]
    material = json.dumps([salt, snippet.text, repr(snippet.options), problems, snippet.dockerignore_text,
                           snippet.is_whole_file,  # a whole file is judged whole; a short fence is an excerpt
                           snippet.presented_as_bad, snippet.dockerignore_shown, snippet.downloads])
    return blake2b(material.encode(), digest_size=20).hexdigest()


def _snippet_line(snippet: Snippet, location) -> int:
    return snippet.lines.index(location) + 1 if location in snippet.lines else 0


# -- compact, location-free results (also what pool workers send back) --------------------------------

def encode(result: SnippetResult) -> list:
    """A result without its snippet or locations: findings by snippet line."""
    return [[f.rule, f.name, list(f.aliases), str(f.severity), f.message, f.snippet_line, f.expected]
            for f in result.findings]


def decode(data: list, snippet: Snippet, config: Config) -> SnippetResult:
    """The result of `snippet` from its encoded findings; status by the same policy as a fresh check."""
    if not isinstance(data, list):
        raise ValueError("not a list of findings")
    findings = tuple(
        Finding(rule, name, tuple(aliases), Severity.parse(severity), message,
                snippet.location(line) if line else snippet.fence, line, expected)
        for rule, name, aliases, severity, message, line, expected in data)
    return result_from(snippet, findings, config, skipped=bool(snippet.skip_reason))


# -- the store ---------------------------------------------------------------------------------------

class CheckCache:
    """Results on disk, one file per key, and optionally a site's bundle of them. Every I/O failure
    is a miss, never an error."""

    def __init__(self, folder: Path, config: Config, site: Path | None = None) -> None:
        self.folder = folder
        self.config = config
        self.max_bytes = config.cache_max_mb * 1024 * 1024
        self.salt = checker_fingerprint(folder) + config_fingerprint(config)
        self.written = 0
        # one bundle per site and salt: two configurations of one site do not overwrite each other's
        name = None if site is None else blake2b(f"{site.resolve()}\0{self.salt}".encode(), digest_size=16)
        self.bundle = None if name is None else folder / BUNDLES / f"{name.hexdigest()}.json"
        self.bundled: dict[str, str] = read_entries(self.bundle, FORMAT)  # key -> the text of its entry's file
        self.used: dict[str, str] = {}  # the entries this run got or put, for the next bundle

    @classmethod
    def for_config(cls, config: Config, site: Path | None = None) -> "CheckCache | None":
        """The cache a configuration asks for (None with `cache: false`), with the bundle of the
        site at `site` (its root folder) if given."""
        return cls(cache_folder("checks", config.cache_dir), config, site) if config.cache else None

    def key(self, snippet: Snippet) -> str:
        return snippet_key(snippet, self.salt)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, snippet: Snippet, key: str | None = None) -> SnippetResult | None:
        key = key or self.key(snippet)
        text = self.bundled.get(key)
        found = None if text is None else _decoded(text, snippet, self.config)
        if found is None:
            text = self._read(key)
            found = None if text is None else _decoded(text, snippet, self.config)
        if found is not None:
            self.used[key] = text
        return found

    def _read(self, key: str) -> str | None:
        try:
            with open(self._path(key), "rb") as fh:
                text = fh.read().decode()
                if time.time() - os.fstat(fh.fileno()).st_mtime > TOUCH_AFTER_S:
                    _touch(fh.fileno())
            return text
        except (OSError, ValueError):
            return None

    def put(self, key: str, encoded: list) -> None:
        text = json.dumps({"format": FORMAT, "findings": encoded}, separators=(",", ":"))
        self.used[key] = text
        if _write_atomically(self._path(key), text):
            self.written += 1

    def save_bundle(self) -> None:
        """Write the site's bundle as this run's entries, if they differ from the bundle read."""
        if self.bundle is None or self.used == self.bundled:
            return
        try:
            write_entries(self.bundle, FORMAT, self.used, KEEP_BUNDLES)
        except OSError:
            pass  # a full disk or a deleted folder costs the reuse, not the run

    def trim(self) -> int:
        """Drop least recently used entries until the cache is under its cap; return how many."""
        entries, total = [], 0
        try:
            subfolders = list(os.scandir(self.folder))
        except OSError:
            return 0
        for sub in subfolders:
            if sub.name == BUNDLES:
                continue
            try:
                for entry in os.scandir(sub.path):
                    st = entry.stat(follow_symlinks=False)
                    if entry.name.startswith(TEMP_PREFIX) and time.time() - st.st_mtime < 3600:
                        continue  # another process is writing it
                    size = st.st_blocks * 512 or st.st_size
                    entries.append((st.st_mtime, size, entry.path))
                    total += size
            except OSError:
                continue
        if total <= self.max_bytes:
            return 0
        dropped = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes * TRIM_TO:
                break
            remove_quietly(path)
            total -= size
            dropped += 1
        return dropped


def _decoded(text: str, snippet: Snippet, config: Config) -> SnippetResult | None:
    """The result an entry's text holds for `snippet`; None for anything a damaged file may hold."""
    try:
        return decode(json.loads(text)["findings"], snippet, config)
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


def _write_atomically(path: Path, text: str) -> bool:
    """atomicfile.write_atomically (two processes may share the folder), except that a full disk or
    a deleted folder costs the reuse, not the run: False, never an error."""
    try:
        write_atomically(path, text)
        return True
    except OSError:
        return False


def _touch(fd: int) -> None:
    try:
        os.utime(fd)
    except OSError:
        pass  # a read-only cache still serves hits

