"""Private Docker engines for tests and `make bench`: each its own dockerd with its own socket, data
root, exec root, pid file and network bridge under a `mktemp -d` folder (no iptables), so it can be
killed or pruned without touching the shared engine. Base images come from the shared engine
(`docker save | docker load`).

Not `--bridge none`: a dockerd started with it DELETES the host's docker0 interface at start-up
(moby's removeDefaultBridgeInterface), which breaks every build on the shared engine ("could not
find bridge docker0"). Each private engine gets a bridge of its own instead, removed on stop.

    with PrivateEngines(2) as engines:          # started, answering
        engines.load(["golang:1.27-bookworm"])  # from the shared engine
        engines[0].kill()                       # SIGKILL, as a crash would
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

DOCKER = os.environ.get("SNIPCHECK_DOCKER") or ("/usr/bin/docker" if Path("/usr/bin/docker").exists() else "docker")
DOCKERD = shutil.which("dockerd") or "/usr/sbin/dockerd"


class PrivateEngine:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sock = folder / "docker.sock"
        self.pidfile = folder / "docker.pid"
        self.log = folder / "dockerd.log"
        self.proc: subprocess.Popen | None = None
        self.bridge = "snck" + uuid.uuid4().hex[:8]  # at most 15 characters
        self.subnet = f"10.{200 + int(self.bridge[4:6], 16) % 50}.{int(self.bridge[6:8], 16)}.1/24"

    def _make_bridge(self) -> None:
        if Path(f"/sys/class/net/{self.bridge}").exists():
            return
        for cmd in (["ip", "link", "add", "name", self.bridge, "type", "bridge"],
                    ["ip", "addr", "add", self.subnet, "dev", self.bridge], ["ip", "link", "set", self.bridge, "up"]):
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                raise RuntimeError(f"{' '.join(cmd)}: {done.stderr.strip()}")

    @property
    def host(self) -> str:
        return f"unix://{self.sock}"

    def start(self, timeout: float = 60) -> None:
        self._make_bridge()
        args = [DOCKERD, "--data-root", str(self.folder / "data"), "--exec-root", str(self.folder / "exec"),
                "--pidfile", str(self.pidfile), "-H", self.host, "--bridge", self.bridge, "--iptables=false",
                "--ip-masq=false"]
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"dockerd exited: {self.log.read_text()[-1500:]}")
            if self.docker("version", "--format", "{{.Server.Version}}").returncode == 0:
                return
            time.sleep(0.3)
        raise RuntimeError(f"dockerd on {self.sock} did not answer within {timeout:.0f} s")

    def docker(self, *args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
        return subprocess.run([DOCKER, "-H", self.host, *args], capture_output=True, text=True, timeout=timeout, **kw)

    def kill(self) -> None:
        """SIGKILL the daemon, as a crash would (its containerd is stopped in stop())."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)

    def stop(self) -> None:
        """Stop the daemon (SIGTERM, then SIGKILL), its containerd, and unmount what it left mounted."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
        _kill_own(str(self.folder))
        mounts = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()
                  if line.split()[1].startswith(str(self.folder) + "/")]
        for mount in sorted(mounts, key=len, reverse=True):
            subprocess.run(["umount", "-l", mount], capture_output=True)
        if self.bridge.startswith("snck") and Path(f"/sys/class/net/{self.bridge}").exists():
            subprocess.run(["ip", "link", "delete", self.bridge, "type", "bridge"], capture_output=True)


class PrivateEngines:
    """N private engines under one mktemp -d folder; removed on exit."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.folder: Path | None = None
        self.engines: list[PrivateEngine] = []

    def __enter__(self) -> "PrivateEngines":
        # short path: a unix socket path must stay under 108 bytes
        self.folder = Path(tempfile.mkdtemp(prefix="snipcheck-engines-", dir="/tmp"))
        try:
            for n in range(self.count):
                (self.folder / f"e{n}").mkdir()
                engine = PrivateEngine(self.folder / f"e{n}")
                self.engines.append(engine)
                engine.start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        for engine in self.engines:
            engine.stop()
        if self.folder is not None and self.folder.name.startswith("snipcheck-engines-"):
            shutil.rmtree(self.folder, ignore_errors=True)

    def __getitem__(self, n: int) -> PrivateEngine:
        return self.engines[n]

    def __iter__(self):
        return iter(self.engines)

    def load(self, images: list[str]) -> float:
        """Copy images from the shared engine into every private one; seconds taken."""
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="snipcheck-images-") as tmp:
            archive = Path(tmp) / "images.tar"
            saved = subprocess.run([DOCKER, "save", "-o", str(archive), *images], capture_output=True, text=True,
                                   timeout=900)
            if saved.returncode:
                raise RuntimeError(f"docker save {' '.join(images)}: {saved.stderr.strip()}")
            for engine in self.engines:
                loaded = engine.docker("load", "-i", str(archive), timeout=900)
                if loaded.returncode:
                    raise RuntimeError(f"docker load into {engine.host}: {loaded.stderr.strip()}")
        return time.monotonic() - start


def _kill_own(folder: str) -> None:
    """SIGKILL processes this engine started that outlive it (its containerd, shims, runc of a
    build in flight): exactly those whose command line names the engine's own folder."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if folder + "/" in cmdline:
            try:
                os.kill(int(proc.name), signal.SIGKILL)
            except ProcessLookupError:
                pass
