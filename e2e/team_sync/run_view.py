"""One run, whole, as an MLflow tracking server shows it (Runlens's MLflow routes and mlflow
server answer runs/get, metrics/get-history and the artifact proxy alike): what the proof compares
between the pushing Runlens, the remote and the pulling Runlens.
"""

from __future__ import annotations

import json
import math
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from mlflow import MlflowClient

from sync_client import Point, canonical, proxy_digests

# MLflow's SQL stores cannot hold ±Infinity: they store ±DBL_MAX instead (sqlalchemy_store.py,
# _log_metrics), and every reader of the remote, mlflow's own client included, gets that back.
_SQL_INF = sys.float_info.max


# MLflow refuses a dataset digest over 36 characters; Runlens sends the first 36 and the whole
# digest as the input tag runlens.digest, which its pull puts back (src-main/core/sync/mlflow-digest.ts).
_DIGEST_MAX = 36


def as_mlflow_holds_inputs(inputs: list[tuple]) -> list[tuple]:
    """A Runlens run's inputs as the remote holds them once pushed."""
    return sorted((n, d[:_DIGEST_MAX], s, c, d if len(d) > _DIGEST_MAX else None) for n, d, s, c, _ in inputs)


def as_sql_store_holds(points: list[Point]) -> list[Point]:
    """Points as MLflow's SQL store keeps them: ±Infinity as ±DBL_MAX, everything else as is."""
    return [(s, t, math.copysign(_SQL_INF, v) if isinstance(v, float) and math.isinf(v) else v) for s, t, v in points]


@dataclass
class RunView:
    status: str
    start_time: int
    end_time: int | None
    params: dict[str, str]
    tags: dict[str, str]
    # (dataset name, digest, source, context, runlens.digest tag) of each input, sorted.
    inputs: list[tuple]
    artifacts: dict[str, str]
    # Every point of every key, sorted: equal lists mean equal multisets of (step, timestamp, value).
    histories: dict[str, list[Point]]


def rest_get(base_url: str, headers: dict, route: str, **query) -> dict:
    req = urllib.request.Request(f"{base_url}/api/2.0/mlflow/{route}?{urllib.parse.urlencode(query)}", headers=headers)
    with urllib.request.urlopen(req, timeout=120) as resp:
        return json.load(resp)


def _inputs(run: dict) -> list[tuple]:
    out = []
    for di in run.get("inputs", {}).get("dataset_inputs", []):
        d = di["dataset"]
        tags = {t["key"]: t["value"] for t in di.get("tags", [])}
        out.append((d["name"], d["digest"], d.get("source"), tags.get("mlflow.data.context"), tags.get("runlens.digest")))
    return sorted(out)


def view(base_url: str, headers: dict, run_id: str, history: Callable[[str, str], list[Point]]) -> RunView:
    """The run behind `base_url` (REST), its histories read by `history(run_id, key)`."""
    run = rest_get(base_url, headers, "runs/get", run_id=run_id)["run"]
    info, data = run["info"], run["data"]
    keys = sorted({m["key"] for m in data.get("metrics", [])})
    return RunView(
        status=info["status"],
        start_time=int(info["start_time"]),
        end_time=int(info["end_time"]) if info.get("end_time") else None,
        params={p["key"]: p["value"] for p in data.get("params", [])},
        tags={t["key"]: t["value"] for t in data.get("tags", [])},
        inputs=_inputs(run),
        artifacts=proxy_digests(base_url, headers, info["artifact_uri"]),
        histories={k: sorted(history(run_id, k), key=_order) for k in keys},
    )


def client_history(client: MlflowClient) -> Callable[[str, str], list[Point]]:
    """Histories as the real mlflow client reads them (MlflowClient.get_metric_history, which
    pages through the whole history itself)."""
    return lambda run_id, key: [(m.step, m.timestamp, canonical(m.value)) for m in client.get_metric_history(run_id, key)]


def _order(p: Point):
    # NaN is the string 'nan': sort values with a type tag so floats and 'nan' never compare.
    s, t, v = p
    return (s, t, isinstance(v, str), v if isinstance(v, float) else 0.0)


def sorted_points(points: list[Point]) -> list[Point]:
    return sorted(points, key=_order)
