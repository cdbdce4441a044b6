"""A run's writes as native API requests (README "Logging from a notebook")."""

import urllib.parse
from pathlib import Path
from typing import Dict, List

from .http_transport import HttpTransport
from .values import JsonObject


class HttpSink:
    """The Sink of a run the server created; raises ServerUnreachable when it gets no answer."""

    def __init__(self, transport: HttpTransport, run_id: str) -> None:
        self.transport = transport
        self.base = f"api/v1/runs/{urllib.parse.quote(run_id, safe='')}"

    def send_points(self, points: List[JsonObject], first_seq: int) -> None:
        # firstSeq makes a retried or spooled batch idempotent: the server skips numbers it has.
        self.transport.call("POST", f"{self.base}/log", {"metrics": points, "firstSeq": first_seq})

    def log_params(self, params: JsonObject) -> None:
        self.transport.call("POST", f"{self.base}/log", {"params": params})

    def set_tags(self, tags: Dict[str, str]) -> None:
        self.transport.call("POST", f"{self.base}/log", {"tags": tags})

    def put_artifact(self, source: Path, artifact_path: str) -> None:
        self.transport.put_file(f"{self.base}/artifacts/{urllib.parse.quote(artifact_path, safe='/')}", source)

    def add_input(self, ref: JsonObject) -> None:
        self.transport.call("POST", f"{self.base}/inputs", {"inputs": [ref]})

    def add_model(self, artifact_path: str, name: str) -> None:
        self.transport.call("POST", f"{self.base}/outputs", {"outputs": [{"kind": "model", "artifactPath": artifact_path, "name": name}]})

    def finish(self, status: str) -> None:
        self.transport.call("POST", f"{self.base}/finish", {"status": status})

    def sync(self) -> None:
        """Nothing to do: the server answers a write only after committing it."""
