"""Proves `runlens ingest` and `runlens serve --watch` read W&B offline runs faithfully.

The runs are written by the real `wandb` client (log_runs.py) in offline mode; every value it
logged is compared with what Runlens serves, and so is every history row and system-metrics
sample in the run log as wandb's own protobuf classes decode it (wandb 0.31 ships no Python
reader of its log, so `read_run_log` below does the framing, independently of Runlens's).
"""

from __future__ import annotations

import json
import math
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from runlens_proc import Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)
from runlens_proc import runlens_serve as serve

HERE = Path(__file__).resolve().parent
LOGGER = HERE / "log_runs.py"


def wandb_env(home: Path) -> dict[str, str]:
    """Offline, silent, no git/code capture, no error reporting, every W&B folder under `home`,
    and a base URL nobody listens on, so an attempt to reach the network fails at once."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WANDB_")}
    env.update(
        WANDB_MODE="offline",
        WANDB_SILENT="true",
        WANDB_DISABLE_GIT="true",
        WANDB_DISABLE_CODE="true",
        WANDB_ERROR_REPORTING="false",
        WANDB_BASE_URL="http://127.0.0.1:9",
        WANDB_CONFIG_DIR=str(home / "config"),
        WANDB_CACHE_DIR=str(home / "cache"),
        WANDB_DATA_DIR=str(home / "data"),
        WANDB_ARTIFACT_DIR=str(home / "artifacts"),
        OTEL_SDK_DISABLED="true",
        HOME=str(home),
    )
    return env


def log_with_wandb(mode: str, where: Path, **popen):
    where.mkdir(parents=True, exist_ok=True)
    home = where.parent / f"{where.name}-home"
    home.mkdir(exist_ok=True)
    cmd = [sys.executable, str(LOGGER), mode, str(where)]
    if popen:
        return subprocess.Popen(cmd, cwd=where, env=wandb_env(home), **popen)
    out = subprocess.run(cmd, cwd=where, env=wandb_env(home), capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stdout + out.stderr
    return None


# --- The run log read back with wandb's own Record class ------------------------------------

BLOCK = 32 * 1024


def read_run_log(path: Path) -> list:
    from wandb.proto import wandb_internal_pb2 as pb

    data = path.read_bytes()
    assert data[:7] == b":W&B\xe1\xbe\x00", "W&B run-log header"
    records, pos, parts = [], 7, None
    while pos + 7 <= len(data):
        if BLOCK - pos % BLOCK < 7:
            pos += BLOCK - pos % BLOCK
            continue
        crc, length, kind = struct.unpack_from("<IHB", data, pos)
        chunk = data[pos + 7 : pos + 7 + length]
        assert zlib.crc32(bytes([kind]) + chunk) == crc, f"checksum at {pos}"
        pos += 7 + length
        if kind == 1:
            payload = chunk
        elif kind == 2:
            parts = [chunk]
            continue
        elif kind == 3:
            parts.append(chunk)
            continue
        else:
            payload = b"".join(parts + [chunk])
            parts = None
        r = pb.Record()
        r.ParseFromString(payload)
        records.append(r)
    return records


def item_key(item) -> str:
    return ".".join(item.nested_key) if item.nested_key else item.key


def js_round(x: float) -> int:
    """JavaScript's Math.round (halves up), which the reader uses; Python's round() takes halves
    to even, so a timestamp landing on .5 ms would differ by one."""
    return math.floor(x + 0.5)


def log_series(records) -> dict[str, list[tuple[float, float, float]]]:
    """Every numeric history value and system-metrics sample as key → [(step, timestamp_ms, value)]."""
    out: dict[str, list] = {}
    for r in records:
        kind = r.WhichOneof("record_type")
        if kind == "history":
            row = {item_key(i): json.loads(i.value_json) for i in r.history.item}
            for k, v in row.items():
                if not k.startswith("_") and isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.setdefault(k, []).append((row["_step"], js_round(row["_timestamp"] * 1000), v))
        elif kind == "stats":
            ms = r.stats.timestamp.seconds * 1000 + js_round(r.stats.timestamp.nanos / 1e6)
            for i in r.stats.item:
                v = json.loads(i.value_json)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    key = "system/" + i.key
                    out.setdefault(key, []).append((len(out.get(key, [])), ms, v))
    return out


def find_log(root: Path, wandb_id: str) -> Path:
    found = list(root.glob(f"wandb/*run-*-{wandb_id}/run-{wandb_id}.wandb"))
    assert len(found) == 1, found
    return found[0]


# --- Runlens -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def wandb_runs(tmp_path_factory) -> tuple[Path, list[dict]]:
    """Several finished offline runs written by the real client, and what each logged."""
    root = tmp_path_factory.mktemp("wandb-runs")
    log_with_wandb("fixtures", root)
    return root, json.loads((root / "truth.json").read_text())


class WandbRunlens(Runlens):
    """This suite's bounds on `wait_for` / `wait_until`: 90 s, polled every 0.25 s."""

    WAIT_TIMEOUT = 90.0
    WAIT_POLL = 0.25


def runlens_serve(data: Path, *watch: Path):
    return serve(data, *watch, client=WandbRunlens)
