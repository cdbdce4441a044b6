"""The native HTTP API over urllib: JSON in and out, the bearer token, bounded waits.

Every failure is sorted into one of two kinds, because they lead to different places: an answer
the server gave on purpose (4xx: ApiError, the caller's mistake) or no usable answer at all
(refused, reset, timeout, 5xx: ServerUnreachable, so the run moves to the spool folder).
"""

import http.client
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Optional

from .discovery import Endpoint
from .errors import ApiError, ServerUnreachable
from .values import JsonObject

DEFAULT_TIMEOUT = 10.0


class HttpTransport:
    """Requests to one server; safe to share between threads (each call is its own connection)."""

    def __init__(self, endpoint: Endpoint, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.endpoint = endpoint
        self.timeout = timeout

    def call(self, method: str, path: str, body: Optional[JsonObject] = None) -> JsonObject:
        """`method path` with a JSON body; the JSON answer."""
        data = None if body is None else json.dumps(body, allow_nan=False).encode("utf-8")
        return self._send(method, path, data, "application/json", None)

    def put_file(self, path: str, source: Path) -> JsonObject:
        """PUT the file's bytes as the body, streamed from disk."""
        size = os.path.getsize(source)
        with open(source, "rb") as body:
            return self._send("PUT", path, body, "application/octet-stream", size)

    def _send(self, method: str, path: str, data: Any, content_type: str, length: Optional[int]) -> JsonObject:
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if self.endpoint.token:
            headers["Authorization"] = f"Bearer {self.endpoint.token}"
        if length is not None:
            headers["Content-Length"] = str(length)
        request = urllib.request.Request(urllib.parse.urljoin(self.endpoint.url, path), data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as e:
            raise _answer_error(e) from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout, TimeoutError) as e:
            raise ServerUnreachable(f"{method} {path}: {e}") from None
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            raise ServerUnreachable(f"{method} {path}: the answer is not JSON") from None
        return answer if isinstance(answer, dict) else {}


def _answer_error(e: urllib.error.HTTPError) -> Exception:
    try:
        body = json.loads(e.read() or b"{}")
    except (ValueError, OSError):
        body = {}
    if not isinstance(body, dict):
        body = {}
    if e.code >= 500:
        return ServerUnreachable(f"{e.code} {body.get('message', e.reason)}")
    return ApiError(e.code, str(body.get("error_code", "HTTP_ERROR")), str(body.get("message", e.reason)))
