"""The persistent check cache: a snippet's result, stored under a hash of everything it depends on.

Key: the snippet's text, fence options, page problems (by snippet line), its .dockerignore, the
settings that change results, and the checker itself (a hash of the package's source files), so a
code change invalidates it. Values are location-free (findings by snippet line), so a snippet that
moves on its page still hits. Every failure to read is a miss: the folder may be deleted at any time.

A site's build keeps its entries in a bundle: one file per site and configuration (under
cache_folder("checks")/sites), written once at the end of the build with the entries it used. An
entry the build did not use (a page not built this time, another language's build, an edited
snippet's old text) is carried over for KEEP_IDLE_RUNS builds, then dropped. One file per build,
not one per snippet: on this project's CI machines creating a small file costs about half a
millisecond of system time, more than checking the snippet.

`snipcheck check` keeps a bundle for its project too when it checks run.BUNDLE_MIN snippets or
more. A smaller run (a pre-commit hook's few files) keeps one file per entry under
cache_folder("checks"), written to a temp file and renamed (two processes may share the folder),
and trimmed to a size cap, least recently used first; a run with a bundle reads them too, when its
bundle lacks an entry.
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
from .cachedir import cache_folder, read_entries_and_idle, write_entries
from .results import Finding, SnippetResult, result_from
from .config import NOT_AFFECTING_RESULTS, Config
from .severity import Severity
from .snippets import Snippet

FORMAT = "1"
TOUCH_AFTER_S = 600  # a hit refreshes the entry's time (its LRU age) at most this often
TRIM_TO = 0.8  # after eviction the cache holds at most this share of the cap
BUNDLES = "sites"  # subfolder of the sites' bundles; not entries, so trim leaves it alone
KEEP_BUNDLES = 8  # sites (or settings of one site) seen lately
KEEP_IDLE_RUNS = 8  # builds of a site in a row that may leave an entry of its bundle unused
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
    """Results on disk: a site's bundle of them, or (without a site) one file per key. Every I/O
    failure is a miss, never an error."""

    def __init__(self, folder: Path, config: Config, site: Path | None = None) -> None:
        self.folder = folder
        self.config = config
        self.max_bytes = config.cache_max_mb * 1024 * 1024
        self.salt = checker_fingerprint(folder) + config_fingerprint(config)
        self.written = 0
        # one bundle per site and salt: two configurations of one site do not overwrite each other's
        self.bundle = None if site is None else folder / BUNDLES / _bundle_name(self.salt, site)
        # key -> the text of its entry; key -> builds in a row that did not use it
        self.bundled, self.idle = read_entries_and_idle(self.bundle, FORMAT)
        # a first build here, or a checkout moved (CI): the same configuration's other bundles
        self.borrowed = _other_bundles(self.bundle) if self.bundle is not None and not self.bundled else {}
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
        text = self.bundled.get(key) or self.borrowed.get(key)
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
        """Keep a new result: in the site's bundle (written by save_bundle), else in its own file."""
        text = json.dumps({"format": FORMAT, "findings": encoded}, separators=(",", ":"))
        self.used[key] = text
        if self.bundle is None and _write_atomically(self._path(key), text):
            self.written += 1

    def save_bundle(self, partial: bool = False) -> None:
        """Write the site's bundle: this run's entries, and those of the bundle read that this run
        did not use, each for at most KEEP_IDLE_RUNS runs in a row. Not written again when this run
        used exactly the entries it read and none of them was counted unused.

        `partial`: the run took some results from memory, past the cache (a `mkdocs serve` rebuild,
        a language's build after another's in one process), so which entries it used is not known.
        Then nothing is aged: the run's new entries are added to the bundle as it is now on disk
        (another build of this process may have written it since it was read)."""
        if self.bundle is None:
            return
        if partial:
            entries, idle = read_entries_and_idle(self.bundle, FORMAT)
            if all(entries.get(key) == text and not idle.get(key) for key, text in self.used.items()):
                return  # nothing new, nothing to refresh
            entries.update(self.used)
            idle = {key: runs for key, runs in idle.items() if key not in self.used}
        else:
            if self.used == self.bundled and not self.idle:
                return
            idle = {key: self.idle.get(key, 0) + 1 for key in self.bundled if key not in self.used}
            idle = {key: runs for key, runs in idle.items() if runs < KEEP_IDLE_RUNS}
            entries = {**self.used, **{key: self.bundled[key] for key in idle}}
        try:
            write_entries(self.bundle, FORMAT, entries, KEEP_BUNDLES, idle)
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


def _bundle_name(salt: str, site: Path) -> str:
    """`<configuration>-<site>.json`: the sites built with the same checker and settings share a prefix."""
    def digest(text: str) -> str:
        return blake2b(text.encode(), digest_size=8).hexdigest()

    return f"{digest(salt)}-{digest(str(site.resolve()))}.json"


def _other_bundles(bundle: Path) -> dict[str, str]:
    """The entries of the other sites' bundles of the same configuration: a site's first build at a
    new path (a CI job restores the cache into another checkout folder) reuses its old path's."""
    prefix = bundle.name.split("-")[0] + "-"
    entries: dict[str, str] = {}
    try:
        others = [p for p in bundle.parent.glob(prefix + "*.json") if p != bundle]
    except OSError:
        return entries
    for other in others:
        entries.update(read_entries_and_idle(other, FORMAT)[0])
    return entries


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

