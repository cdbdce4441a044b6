import socket
from pathlib import Path
from typing import Any

import pytest

from runlens.discovery import Endpoint
from runlens.errors import ApiError, ServerUnreachable
from runlens.http_transport import HttpTransport


def test_json_with_the_bearer_token_and_the_answer_back(stub_server: Any) -> None:
    server = stub_server(lambda m, p, b: (200, {"accepted": len(b["metrics"])}))
    answer = HttpTransport(Endpoint(server.url, "secret")).call("POST", "api/v1/runs/r1/log", {"metrics": [{"key": "a", "value": "NaN"}]})
    assert answer == {"accepted": 1}
    method, path, headers, body = server.requests[0]
    assert (method, path, headers["Authorization"], body) == ("POST", "/api/v1/runs/r1/log", "Bearer secret", {"metrics": [{"key": "a", "value": "NaN"}]})


def test_a_4xx_is_an_api_error_with_the_servers_code(stub_server: Any) -> None:
    server = stub_server(lambda m, p, b: (400, {"error_code": "INVALID_PARAMETER_VALUE", "message": "params.lr: cannot change"}))
    with pytest.raises(ApiError, match="cannot change") as caught:
        HttpTransport(Endpoint(server.url, None)).call("POST", "api/v1/runs/r1/log", {"params": {"lr": 1}})
    assert (caught.value.status, caught.value.error_code) == (400, "INVALID_PARAMETER_VALUE")


def test_a_5xx_or_a_dropped_connection_is_no_answer(stub_server: Any) -> None:
    server = stub_server(lambda m, p, b: (500, {"error_code": "INTERNAL_ERROR", "message": "boom"}))
    with pytest.raises(ServerUnreachable):
        HttpTransport(Endpoint(server.url, None)).call("POST", "x", {})
    dropping = stub_server(lambda m, p, b: None)
    with pytest.raises(ServerUnreachable):
        HttpTransport(Endpoint(dropping.url, None)).call("POST", "x", {})


def test_a_refused_connection_is_no_answer() -> None:
    with socket.socket() as s:  # a port nobody listens on once this socket is closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ServerUnreachable):
        HttpTransport(Endpoint(f"http://127.0.0.1:{port}/", None)).call("GET", "api/health")


def test_put_file_sends_the_raw_bytes(stub_server: Any, tmp_path: Path) -> None:
    server = stub_server(lambda m, p, b: (201, {"path": "a/b.bin", "bytes": len(b)}))
    file = tmp_path / "b.bin"
    file.write_bytes(bytes(range(256)) * 10)
    assert HttpTransport(Endpoint(server.url, None)).put_file("api/v1/runs/r/artifacts/a/b.bin", file) == {"path": "a/b.bin", "bytes": 2560}
    assert server.requests[0][3] == bytes(range(256)) * 10
