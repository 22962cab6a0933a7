"""The real builder: `docker build` with BuildKit, then `docker run` of the image, then clean up.

Uses the 20.10 client that has BuildKit built in (/usr/bin/docker here; SNIPCHECK_DOCKER or the
`docker` argument override it). With an `ImageSource` (registry.py) it pulls exactly the images an
example names, through the configured mirrors and at the locked digests, and records what it
built on; without one it uses local images only. Everything it makes is labelled
snipcheck.build=1 and removed afterwards.
"""

from __future__ import annotations

import itertools
import json
import os
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from ..records import replace
from pathlib import Path

from ..parser import parse
from . import buildlog, cleanup, limits, sandbox
from .model import BuildJob, BuildOutcome, EngineError, Status
from .plan import drop_syntax_line, external_images, newer_frontend_needed
from .registry import ImageSource, PullError, prepare_job
from .world import World

LABEL = "snipcheck.build=1"
RUN_LABEL = "snipcheck.build.run"  # which DockerBuilder made it: close() removes only its own
_serial = itertools.count(1)


def default_docker() -> str:
    """SNIPCHECK_DOCKER, else Debian's 20.10 client (BuildKit built in), else `docker` on PATH."""
    if os.environ.get("SNIPCHECK_DOCKER"):
        return os.environ["SNIPCHECK_DOCKER"]
    return "/usr/bin/docker" if os.path.exists("/usr/bin/docker") else "docker"


class DockerBuilder:
    """Builds each job with BuildKit and runs the image read-only, offline, as the image's USER."""

    def __init__(self, docker: str | None = None, *, run_timeout: float = 30, build_timeout: float = 600,
                 offline: bool = True, keep_images: bool = False, prune_build_cache: bool = False,
                 host: str = "", buildx: str = "", measure: bool = True,
                 max_image_bytes: int = 1_000_000_000, max_layer_bytes: int = 500_000_000,
                 world: World | None = None, locked: dict | None = None) -> None:
        self.docker = docker or default_docker()
        self.host = host  # DOCKER_HOST-style endpoint; "" keeps the environment's
        self.buildx = buildx  # build with `docker buildx build --builder NAME --load` instead
        self.measure = measure  # image facts from `docker save` (size, compressed size, layers, waste)
        self.layer_sizes: dict = {}  # gzip size by layer diff ID; BuildCache.layer_sizes() keeps them on disk
        self.run_timeout = run_timeout
        self.build_timeout = build_timeout
        self.max_image_bytes = max_image_bytes
        self.max_layer_bytes = max_layer_bytes
        self.offline = offline  # no registry: drop `# syntax=` lines, never try to pull
        self.keep_images = keep_images
        # `docker builder prune -af` on close: frees ~1 GB, but it is engine-wide and also drops the
        # Go build cache mount that tools/standins.sh seeded (the next standins.sh run re-seeds it).
        self.prune_build_cache = prune_build_cache
        self._checked = False
        self._started = False  # a build began: only then can containers, images or cache records be ours
        self._processes = cleanup.Processes()
        self._run_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._env = {**os.environ, "DOCKER_BUILDKIT": "1", "BUILDKIT_PROGRESS": "plain"}
        if host:
            self._env["DOCKER_HOST"] = host
        # Where base images come from; None: local images only (the engine never pulls).
        self.world = world
        self.images = ImageSource(self._docker, world.mirrors, locked, world.label) \
            if world is not None and (world.mirrors or not world.standins) else None

    @property
    def name(self) -> str:
        """The engine as reports name it: the endpoint, or the buildx builder."""
        return f"buildx:{self.buildx}" if self.buildx else (self.host or os.environ.get("DOCKER_HOST", "")
                                                            or "unix:///var/run/docker.sock")

    def settings(self) -> dict:
        """What about this builder can change an outcome (part of the build cache key)."""
        # The world's kind, not its addresses: the stand-in registry's port changes between runs, and
        # the image digests (part of the key) already say what was built on.
        world = {"world": self.world.kind} if self.world else {}
        return {"offline": self.offline, "run": "--network none --read-only --tmpfs /tmp",
                "run_timeout": self.run_timeout, "builder": "buildx" if self.buildx else "docker build", **world}

    def image_id(self, ref: str) -> str | None:
        """The ID the engine resolves `ref` to; None when it does not have the image. With a world,
        the digest `ref` is pulled at (through the mirrors, at the locked digest)."""
        if self.images is not None:
            try:
                return self.images.resolve(ref).digest
            except PullError:
                return None
        proc = self._docker("image", "inspect", "-f", "{{.Id}}", ref, timeout=30)
        return proc.stdout.strip() or None if proc.returncode == 0 else None

    def __enter__(self) -> "DockerBuilder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_engine(self) -> str:
        """The engine's version; EngineError with what to do when there is none."""
        try:
            proc = self._docker("version", "--format", "{{.Server.Version}}", timeout=30)
            if proc.returncode == 0 and self.buildx:
                proc = self._docker("buildx", "inspect", self.buildx, timeout=30)
        except FileNotFoundError:
            raise EngineError(f"docker client {self.docker!r} not found (apt-get install docker.io, "
                              "or set SNIPCHECK_DOCKER)") from None
        except subprocess.TimeoutExpired:
            raise EngineError(f"the Docker engine {self.name} did not answer within 30 s") from None
        if proc.returncode != 0:
            raise EngineError(f"cannot reach the Docker engine {self.name} with {self.docker}: "
                              f"{proc.stderr.strip()} (start it: dockerd >/tmp/dockerd.log 2>&1 &)")
        self._checked = True
        return proc.stdout.strip()

    def describe(self) -> str:
        """One line for reports: engine version and where the base images come from."""
        version = self.check_engine()
        text = f"Docker engine {version}"
        if self.world is not None:
            return f"{text}; base images: {self.world.describe()}"
        return f"{text}; base images: local images only, never pulled"

    def build_and_run(self, job: BuildJob) -> BuildOutcome:
        if not self._checked:
            self.check_engine()
        if job.not_buildable:
            return BuildOutcome(Status.NOT_BUILT, job.not_buildable)
        text, notes, world = job.dockerfile, (), ""
        if self.world is not None:
            prepared = prepare_job(self.images, self.world, text)
            if isinstance(prepared, BuildOutcome):
                return replace(prepared, engine=self.name)
            text, notes, world = prepared
        elif self.offline:
            text, syntax = drop_syntax_line(text)
            if syntax:
                notes = (f"dropped `# syntax={syntax}`: built with the engine's built-in frontend",)
        df = parse(text)
        reason = newer_frontend_needed(df) if df.directive("syntax") is None else None
        missing = [] if self.world is not None else [ref for ref in external_images(df) if not self._image_exists(ref)]
        if reason is None and missing:
            reason = f"image not available: {', '.join(missing)}"
        if reason:
            return BuildOutcome(Status.NOT_BUILT, reason, notes=notes)
        serial = next(_serial)
        tag = f"snipcheck-build:{self._run_id}-{serial}"
        with tempfile.TemporaryDirectory(prefix="snipcheck-build-") as tmp:
            dockerfile, context = Path(tmp) / "Dockerfile", Path(tmp) / "context"
            dockerfile.write_text(sandbox.isolate(text, f"{self._run_id}-{serial}"))
            shutil.copytree(job.context, context, symlinks=True)
            if job.dockerignore is not None:
                (context / ".dockerignore").write_text(job.dockerignore)
            self._started = True
            outcome = replace(self._build(job, parse(job.dockerfile), tag, dockerfile, context, notes), world=world)
        if outcome.status is Status.OK:
            added = self._layer_sizes(tag, limits.base_image(df))
            too_large = limits.size_problem(outcome.image_size, added, self.max_image_bytes, self.max_layer_bytes)
            if too_large:
                outcome = replace(outcome, status=Status.LIMIT, reason=too_large)
        if outcome.status is Status.OK:
            outcome = self._run(job, tag, outcome)
        if outcome.built and self.measure:
            outcome = replace(outcome, facts=self._facts(tag))
        if not self.keep_images:
            self._docker("image", "rm", "-f", tag, timeout=60)
        return replace(outcome, engine=self.name)

    def engine_platform(self) -> str:
        """'linux/amd64': the platform the engine builds for."""
        proc = self._docker("version", "-f", "{{.Server.Os}}/{{.Server.Arch}}", timeout=60)
        return proc.stdout.strip() or "unknown"

    def platform(self, ref: str) -> str:
        """'linux/amd64': the platform of an image the engine holds."""
        proc = self._docker("image", "inspect", "-f", "{{.Os}}/{{.Architecture}}", ref, timeout=60)
        return proc.stdout.strip() or "unknown"

    def close(self) -> None:
        """Remove what this builder left behind (containers, images) and, if asked, the build cache.
        A run that started no build (every result from the cache) made nothing: no engine calls."""
        self._processes.resume()
        if not self._checked or (not self._started and not self.prune_build_cache):
            return
        for kind, listing in (("container", ("ps", "-aq")), ("image", ("image", "ls", "-q"))):
            if kind == "image" and self.keep_images:
                continue
            ids = self._docker(*listing, "--filter", f"label={RUN_LABEL}={self._run_id}", timeout=60).stdout.split()
            if ids:
                self._docker(kind, "rm", "-f", *sorted(set(ids)), timeout=120)
        self.remove_build_cache()
        if self.prune_build_cache:
            self._docker("builder", "prune", "-af", timeout=300)

    def remove_build_cache(self) -> int:
        """Remove the build-cache records this builder's runs made (found by their marker); the
        engine's other records stay. Returns how many were removed."""
        listing = self._docker("system", "df", "-v", "--format", "{{json .BuildCache}}", timeout=120)
        ids = cleanup.own_records(listing.stdout, sandbox.marker(self._run_id + "-"))
        for record in ids:
            self._docker("builder", "prune", "-af", "--filter", f"id={record}", timeout=120)
        return len(ids)

    def _build(self, job, df, tag, dockerfile, context, notes) -> BuildOutcome:
        args = (["buildx", "build", "--builder", self.buildx, "--load"] if self.buildx else ["build"]) + [
            "-f", str(dockerfile), "-t", tag, "--label", LABEL, "--label", f"{RUN_LABEL}={self._run_id}",
            "--network", "default" if job.network else "none"]
        for name, value in job.build_args:
            args += ["--build-arg", f"{name}={value}"]
        start = time.monotonic()
        try:
            proc = self._docker(*args, str(context), timeout=self.build_timeout)
        except subprocess.TimeoutExpired:
            return BuildOutcome(Status.LIMIT, f"the build took longer than build_timeout ({self.build_timeout:.0f} s) "
                                              "and was stopped", build_seconds=time.monotonic() - start, notes=notes,
                                transient=True)
        seconds = time.monotonic() - start
        log = proc.stdout + proc.stderr
        if proc.returncode == 0:
            return BuildOutcome(Status.OK, build_seconds=seconds, image_size=self._size(tag), notes=notes)
        if buildlog.needs_buildx(log):
            raise EngineError(f"{self.docker} has no BuildKit (buildx missing); use Debian's /usr/bin/docker "
                              "or set SNIPCHECK_DOCKER")
        step = buildlog.failed_step(log)
        step = replace(step, name=sandbox.unmark(step.name), tail=sandbox.unmark(step.tail))
        image = buildlog.missing_image(step)
        if image:
            return BuildOutcome(Status.NOT_BUILT, f"image not available: {image}", build_seconds=seconds, notes=notes)
        too_old = buildlog.frontend_too_old(step)
        if too_old:
            return BuildOutcome(Status.NOT_BUILT, too_old, build_seconds=seconds, notes=notes)
        return BuildOutcome(Status.BUILD_FAILED, step.error, failed_step=step.name,
                            failed_line=buildlog.step_line(df, step.name), log_tail=step.tail,
                            build_seconds=seconds, notes=notes, transient=buildlog.engine_trouble(log))

    def _run(self, job: BuildJob, tag: str, built: BuildOutcome) -> BuildOutcome:
        command, notes = self._command(tag, job.run_args)
        name = tag.replace(":", "-")
        args = ["run", "--rm", "--name", name, "--label", LABEL, "--label", f"{RUN_LABEL}={self._run_id}",
                "--network", "none", "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL",
                "--security-opt", "no-new-privileges", "--pids-limit", "512", *command]
        start = time.monotonic()
        try:
            proc = self._docker(*args, timeout=self.run_timeout)
        except subprocess.TimeoutExpired:
            return _replace(built, Status.LIMIT, f"`{' '.join(job.run_args)}` did not exit within run_timeout "
                                                 f"({self.run_timeout:.0f} s) and was stopped", run_seconds=self.run_timeout,
                            transient=True)
        finally:
            self._docker("rm", "-f", name, timeout=60)
        seconds = time.monotonic() - start
        output = (proc.stdout + proc.stderr).strip()
        what = " ".join(job.run_args)
        if proc.returncode == 0:
            return _replace(built, Status.OK, f"`{what}` passed", log_tail=output, exit_code=0,
                            run_seconds=seconds, notes=built.notes + notes)
        summary = _first_failure(output) or f"exit code {proc.returncode}"
        return _replace(built, Status.RUN_FAILED, f"`{what}` failed (exit code {proc.returncode}): {summary}",
                        log_tail=output, exit_code=proc.returncode, run_seconds=seconds, notes=built.notes + notes)

    def _command(self, tag: str, run_args: tuple[str, ...]) -> tuple[list[str], tuple[str, ...]]:
        proc = self._docker("image", "inspect", "-f", "{{json .Config}}", tag, timeout=60)
        entrypoint, args, notes = run_command(json.loads(proc.stdout or "{}") or {}, run_args)
        return ((["--entrypoint", entrypoint] if entrypoint is not None else []) + [tag, *args]), notes

    def _facts(self, tag: str):
        """Size, compressed size, layers, wasted bytes and user, from `docker save` of the image."""
        from .facts import facts_from_archive

        proc = self._docker("image", "inspect", tag, timeout=60)
        with tempfile.TemporaryDirectory(prefix="snipcheck-save-") as tmp:
            archive = Path(tmp) / "image.tar"
            saved = self._docker("save", "-o", str(archive), tag, timeout=900)
            if proc.returncode or saved.returncode:
                return None
            facts = facts_from_archive(archive, json.loads(proc.stdout)[0], self.layer_sizes)
        return replace(facts, measured_at=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))

    def _image_exists(self, ref: str) -> bool:
        return self._docker("image", "inspect", "-f", "{{.Id}}", ref, timeout=30).returncode == 0

    def _layer_sizes(self, tag: str, base: str | None) -> list[int]:
        """Sizes of the layers the example added on top of its final stage's base image."""
        sizes = self._docker("history", "--human=false", "--format", "{{.Size}}", tag, timeout=60).stdout
        inherited = self._docker("history", "-q", base, timeout=60).stdout.split() if base else []
        return limits.parse_layer_sizes(sizes)[: max(0, len(sizes.split()) - len(inherited))]

    def _size(self, tag: str) -> int | None:
        out = self._docker("image", "inspect", "-f", "{{.Size}}", tag, timeout=30).stdout.strip()
        return int(out) if out.isdigit() else None

    def _docker(self, *args: str, timeout: float) -> subprocess.CompletedProcess:
        return self._processes.run([self.docker, *args], timeout=timeout, env=self._env)

    def stop(self) -> None:
        """End every docker command of this builder now (the run was stopped); close() still cleans up."""
        self._processes.stop()


def run_command(config: dict, run_args: tuple[str, ...]) -> tuple[str | None, list[str], tuple[str, ...]]:
    """How to run `run_args` (e.g. selfcheck) in an image, from its config: an --entrypoint
    override (None: keep it), the arguments, and notes on what was changed.

    The run args replace CMD, and any arguments the ENTRYPOINT itself holds after its program
    (`["/app", "serve"]`). A shell-form ENTRYPOINT or CMD keeps its shell, so an image without
    /bin/sh fails the way it would for a reader."""
    what = " ".join(run_args)
    entry, cmd = config.get("Entrypoint") or [], config.get("Cmd") or []
    if _shell_form(entry):
        program = _shell_program(entry[2])
        return entry[0], ["-c", f"{program} {shlex.join(run_args)}"], (
            f"ran `{program} {what}` through the shell-form ENTRYPOINT",)
    if entry:
        program = max(i for i, word in enumerate(entry) if i == 0 or "/" in word)
        if program == len(entry) - 1:
            return None, list(run_args), ()
        return entry[0], [*entry[1:program + 1], *run_args], (
            f"replaced the ENTRYPOINT's own arguments `{' '.join(entry[program + 1:])}` with `{what}`",)
    if _shell_form(cmd):
        program = _shell_program(cmd[2])
        return None, [cmd[0], "-c", f"{program} {shlex.join(run_args)}"], (
            f"ran `{program} {what}` through the shell-form CMD",)
    return None, ([cmd[0]] if cmd else []) + list(run_args), ()


def _shell_form(form: list[str]) -> bool:
    return len(form) >= 3 and form[0] in ("/bin/sh", "sh") and form[1] == "-c" and bool(form[2].strip())


def _shell_program(script: str) -> str:
    """'exec /app serve' -> 'exec /app': the program a shell-form command starts."""
    words = shlex.split(script)
    return " ".join(words[:2]) if words[0] == "exec" and len(words) > 1 else words[0]


def _first_failure(output: str) -> str:
    """The lines that say what went wrong, e.g. selfcheck's FAIL lines or the runtime's error."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    failing = [line for line in lines if "fail" in line.lower() or "error" in line.lower()] or lines[-1:]
    return "; ".join(failing[:4])[:400]


def _replace(outcome: BuildOutcome, status: Status, reason: str, **changes) -> BuildOutcome:
    return replace(outcome, status=status, reason=reason, **changes)
