"""A run's writes as native API requests (README "Logging from a notebook")."""

import urllib.parse
from pathlib import Path
from typing import Any, Dict, List, Optional

from .http_transport import HttpTransport
from .values import JsonObject


def to_columns(points: List[JsonObject]) -> Optional[Dict[str, Any]]:
    """The points as the log route's columnar body (one array per field, `key` indexing the distinct
    `keys`): far cheaper for the server to parse than an object per point. None when some points
    carry a step and others do not (the columns hold steps for all points or none)."""
    index: Dict[str, int] = {}
    keys: List[str] = []
    key: List[int] = []
    value: List[Any] = []
    timestamp: List[Any] = []
    step: List[Any] = []
    for p in points:
        k = p["key"]
        i = index.get(k)
        if i is None:
            i = index[k] = len(keys)
            keys.append(k)
        key.append(i)
        value.append(p["value"])
        timestamp.append(p["timestamp"])
        s = p.get("step")
        if s is not None:
            step.append(s)
    columns: Dict[str, Any] = {"keys": keys, "key": key, "value": value, "timestamp": timestamp}
    if step:
        if len(step) != len(points):
            return None
        columns["step"] = step
    return columns


class HttpSink:
    """The Sink of a run the server created; raises ServerUnreachable when it gets no answer."""

    def __init__(self, transport: HttpTransport, run_id: str) -> None:
        self.transport = transport
        self.base = f"api/v1/runs/{urllib.parse.quote(run_id, safe='')}"

    def send_points(self, points: List[JsonObject], first_seq: int) -> None:
        # firstSeq makes a retried or spooled batch idempotent: the server skips numbers it has.
        columns = to_columns(points)
        body: JsonObject = {"columns": columns} if columns is not None else {"metrics": points}
        body["firstSeq"] = first_seq
        self.transport.call("POST", f"{self.base}/log", body)

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
