"""Runlens as the team-sync proof drives it: only its HTTP API. The native routes log runs, add a
remote and start pushes and pulls; Runlens's own MLflow REST routes read a run back whole (every
point of a history, params, tags, inputs, artifacts through the artifact proxy), the same way the
remote is read, so both sides are compared in one shape.

Shared by the pytest suite (e2e/team_sync) and bench/push-throughput.py.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
import urllib.error
import urllib.parse
import urllib.request

from runlens_proc import Runlens

# One request's worth of points: well under LIMITS.pointsPerRequest and the 32 MiB body limit.
LOG_CHUNK = 25_000

Point = tuple[int, int, object]
"""(step, timestamp, value) with NaN as the string 'nan', so points compare and sort as tuples."""


def canonical(value) -> object:
    """A metric value as read from any MLflow JSON ('NaN', 'Infinity' or a number) or from the
    mlflow client (a float), in one comparable form."""
    v = float(value)
    return "nan" if math.isnan(v) else v


class SyncRunlens(Runlens):
    WAIT_TIMEOUT = 120.0

    # ---- HTTP ----------------------------------------------------------------------------------

    def send(self, verb: str, path: str, body: dict | bytes | None = None):
        data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
        headers = {"Authorization": f"Bearer {self.token}"}
        if data is not None:
            headers["Content-Type"] = "application/octet-stream" if isinstance(body, bytes) else "application/json"
        req = urllib.request.Request(self.url + path, data=data, method=verb, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as e:
            raise AssertionError(f"{verb} {path} → {e.code}: {e.read().decode(errors='replace')[:2000]}") from None

    # ---- writing runs --------------------------------------------------------------------------

    def create_run(self, experiment: str, name: str, params: dict | None = None, tags: dict | None = None) -> str:
        return self.send("POST", "/api/v1/runs", {"experiment": experiment, "name": name, "params": params or {}, "tags": tags or {}})["run"]["id"]

    def log_points(self, run_id: str, points: list[dict]) -> None:
        """Every point, in requests of LOG_CHUNK; each must be accepted (none skipped)."""
        for i in range(0, len(points), LOG_CHUNK):
            chunk = points[i : i + LOG_CHUNK]
            answer = self.send("POST", f"/api/v1/runs/{run_id}/log", {"metrics": chunk})
            assert answer == {"accepted": len(chunk), "skipped": 0}, answer

    def add_inputs(self, run_id: str, inputs: list[dict]) -> None:
        self.send("POST", f"/api/v1/runs/{run_id}/inputs", {"inputs": inputs})

    def put_artifact(self, run_id: str, path: str, data: bytes) -> None:
        answer = self.send("PUT", f"/api/v1/runs/{run_id}/artifacts/{urllib.parse.quote(path)}", data)
        assert answer["bytes"] == len(data), answer

    def finish(self, run_id: str) -> None:
        self.send("POST", f"/api/v1/runs/{run_id}/finish", {})

    # ---- team sync -----------------------------------------------------------------------------

    def add_remote(self, name: str, url: str) -> None:
        self.send("PUT", "/api/v1/remotes", {"name": name, "url": url})

    def push(self, remote: str, **selection) -> str:
        return self.send("POST", "/api/v1/sync/push", {"remote": remote, **selection})["jobId"]

    def pull(self, remote: str, **selection) -> str:
        return self.send("POST", "/api/v1/sync/pull", {"remote": remote, **selection})["jobId"]

    def job(self, job_id: str) -> dict:
        return self.send("GET", f"/api/v1/sync/jobs/{job_id}")

    def wait_job(self, job_id: str, timeout: float = 240) -> dict:
        """The job's `done` record once it ended (any outcome), within `timeout` seconds."""
        return self.wait_until(f"sync job {job_id} to end", lambda: self.job(job_id)["done"], timeout=timeout, poll=0.25)

    def finish_job(self, job_id: str, timeout: float = 240) -> dict:
        """The `done` record of a job that must succeed; otherwise fails with its error."""
        done = self.wait_job(job_id, timeout)
        assert done["outcome"] == "done", f"the {done['direction']} job ended {done['outcome']}: {done['error']}"
        return done

    # ---- reading runs back through Runlens's MLflow routes -------------------------------------

    def mlflow_run(self, run_id: str) -> dict:
        return self.mlflow("runs/get", run_id=run_id)["run"]

    def history(self, run_id: str, key: str) -> list[Point]:
        """Every point of a key, page by page, in stored order."""
        out: list[Point] = []
        token = None
        while True:
            query = {"run_id": run_id, "metric_key": key, "max_results": 25_000, **({"page_token": token} if token else {})}
            page = self.mlflow("metrics/get-history", **query)
            out += [(int(m["step"]), int(m["timestamp"]), canonical(m["value"])) for m in page.get("metrics", [])]
            token = page.get("next_page_token")
            if not token:
                return out

    def artifact_digests(self, run_id: str) -> dict[str, str]:
        """sha256 of every artifact file of the run, by path, read through the artifact proxy."""
        return proxy_digests(self.url, {"Authorization": f"Bearer {self.token}"}, self.mlflow_run(run_id)["info"]["artifact_uri"])


def proxy_digests(base_url: str, headers: dict, artifact_uri: str) -> dict[str, str]:
    """Walks an `mlflow-artifacts:/<root>` folder through a server's artifact proxy (Runlens's and
    mlflow server's are the same routes) and hashes each file it downloads."""
    prefix = "mlflow-artifacts:"
    assert artifact_uri.startswith(prefix), f"not a proxied artifact URI: {artifact_uri}"
    root = artifact_uri[len(prefix):].lstrip("/")
    out: dict[str, str] = {}

    def get(path: str, query: str = ""):
        req = urllib.request.Request(f"{base_url}/api/2.0/mlflow-artifacts/artifacts{path}{query}", headers=headers)
        return urllib.request.urlopen(req, timeout=120)

    def walk(rel: str) -> None:
        folder = f"{root}/{rel}" if rel else root
        with get("", "?" + urllib.parse.urlencode({"path": folder})) as resp:
            listing = json.load(resp)
        for f in listing.get("files", []):
            path = f"{rel}/{f['path']}" if rel else f["path"]
            if f.get("is_dir"):
                walk(path)
            else:
                with get("/" + urllib.parse.quote(f"{root}/{path}")) as resp:
                    out[path] = hashlib.sha256(resp.read()).hexdigest()

    walk("")
    return out


def wait_for(what: str, probe, timeout: float = 60, poll: float = 0.5):
    """Polls `probe()` until it returns something truthy and returns it; fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}; last saw {last!r}")
