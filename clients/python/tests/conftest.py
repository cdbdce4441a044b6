"""Shared fixtures: an empty data directory per test, and a stub of the native API over http.server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

import runlens


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """RUNLENS_DATA in the test's temp folder, no overrides: no test can reach a real server."""
    data = tmp_path / "data"
    monkeypatch.setenv("RUNLENS_DATA", str(data))
    for name in ("RUNLENS_URL", "RUNLENS_TOKEN", "RUNLENS_SPOOL"):
        monkeypatch.delenv(name, raising=False)
    yield data
    runlens.finish()


Reply = Tuple[int, Dict[str, Any]]


class StubServer:
    """Records every request (method, path, headers, body) and answers with `reply(method, path, body)`."""

    def __init__(self, reply: Callable[[str, str, Any], Optional[Reply]]) -> None:
        self.requests: List[Tuple[str, str, Dict[str, str], Any]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body: Any = json.loads(raw) if raw and self.headers.get("Content-Type") == "application/json" else raw
                except ValueError:
                    body = raw
                stub.requests.append((self.command, self.path, dict(self.headers), body))
                answer = reply(self.command, self.path, body)
                if answer is None:  # no answer at all: drop the connection
                    self.close_connection = True
                    self.connection.close()
                    return
                status, payload = answer
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub_server() -> Iterator[Callable[[Callable[[str, str, Any], Optional[Reply]]], StubServer]]:
    servers: List[StubServer] = []

    def start(reply: Callable[[str, str, Any], Optional[Reply]]) -> StubServer:
        servers.append(StubServer(reply))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def read_jsonl(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def points_of(body: Dict[str, Any]) -> Optional[List[Dict[str, Any]]]:
    """The points of a log request as objects, whichever form it sent (None without points)."""
    if "metrics" in body:
        return list(body["metrics"])
    c = body.get("columns")
    if c is None:
        return None
    points = []
    for i, k in enumerate(c["key"]):
        p = {"key": c["keys"][k], "value": c["value"][i], "timestamp": c["timestamp"][i]}
        if "step" in c:
            p["step"] = c["step"][i]
        points.append(p)
    return points
