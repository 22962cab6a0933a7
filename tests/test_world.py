"""Which world a real build runs in: registry, mirror, or the local stand-ins."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from snipcheck.builder.world import choose, registry_answers
from snipcheck.config import Config


def no_registry(url):
    return "[Errno 111] Connection refused"


def test_mirrors_win_when_configured():
    world = choose(Config(mirrors={"docker.io": "10.0.0.5:5000"}), probe=no_registry)
    assert world.kind == "mirror" and world.mirrors == {"docker.io": "10.0.0.5:5000"}
    assert "10.0.0.5:5000" in world.describe()


def test_offline_uses_the_standin_registry_and_says_so(tmp_path):
    (tmp_path / "standins").mkdir()
    (tmp_path / "standins" / "registry.addr").write_text("127.0.0.1:5999\n")
    world = choose(Config(offline=True, cache_dir=str(tmp_path)), probe=no_registry)
    assert world.standins and world.mirrors["docker.io"] == "127.0.0.1:5999"
    assert world.mirrors["gcr.io"] == "127.0.0.1:5999/gcr.io"
    assert world.describe() == "local stand-in images from the local registry 127.0.0.1:5999 (asked for: offline)"


def test_no_registry_answering_falls_back_to_standins_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "default-cache"))  # no stand-in registry there either
    world = choose(Config(cache_dir=str(tmp_path)), probe=no_registry)
    assert world.standins and not world.mirrors
    assert "no registry answered" in world.note and "no stand-in registry either" in world.note


def test_the_machines_standin_registry_is_found_from_a_private_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "default-cache"))
    (tmp_path / "default-cache" / "snipcheck" / "standins").mkdir(parents=True)
    (tmp_path / "default-cache" / "snipcheck" / "standins" / "registry.addr").write_text("127.0.0.1:5998\n")
    world = choose(Config(cache_dir=str(tmp_path / "private")), probe=no_registry)
    assert world.standins and world.mirrors["docker.io"] == "127.0.0.1:5998"


def test_a_registry_that_answers_is_used():
    assert choose(Config(), probe=lambda url: None).kind == "registry"


def test_registry_answers_is_a_real_http_probe():
    class V2(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(401)  # Docker Hub answers /v2/ with 401: it is there
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), V2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert registry_answers(f"http://127.0.0.1:{server.server_port}/v2/") is None
    finally:
        server.shutdown()
    assert registry_answers(f"http://127.0.0.1:{server.server_port}/v2/", timeout=1) is not None  # closed now
