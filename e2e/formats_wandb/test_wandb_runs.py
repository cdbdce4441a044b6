"""W&B offline runs written by the real client, read by `runlens ingest` and `serve --watch`."""

from __future__ import annotations

import json
import math
import socket
import subprocess
import sys
from pathlib import Path

from conftest import find_log, js_round, log_series, log_with_wandb, read_run_log, runlens_serve
from runlens_proc import runlens_ingest

TAG_LIMIT = 8000
PARAM_LIMIT = 6000


def number(v) -> float:
    return float(v) if isinstance(v, str) else v  # "NaN", "Infinity", "-Infinity" on the wire


def same(a, b) -> bool:
    a, b = number(a), number(b)
    return (math.isnan(a) and math.isnan(b)) or a == b


def flatten(config: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in config.items():
        if isinstance(v, dict) and v:
            out.update(flatten(v, f"{prefix}{k}."))
        else:
            out[prefix + k] = v
    return out


def expected_points(root: Path, truth: list[dict]) -> int:
    return sum(len(s) for info in truth for s in log_series(read_run_log(find_log(root, info["id"]))).values())


def check_run(rl, root: Path, info: dict) -> None:
    run_id = f"wandb-{info['id']}"
    log = find_log(root, info["id"])
    records = read_run_log(log)
    run_record = next(r.run for r in records if r.WhichOneof("record_type") == "run")
    run = rl.get(f"/api/v1/runs/{run_id}")["run"]

    assert run["name"] == (info["name"] or info["id"])
    assert run["experiment"] == (info["project"] or run_record.project or "uncategorized")
    assert run["status"] == ("FINISHED" if info["exit_code"] == 0 else "FAILED")
    assert run["sourceKind"] == "wandb"
    assert run["sourcePath"] == str(log.parent)
    assert run["startTime"] == run_record.start_time.seconds * 1000 + js_round(run_record.start_time.nanos / 1e6)
    assert run["endTime"] is not None and run["endTime"] >= run["startTime"]

    # config → params: flattened with dots; strings as they are, other values as JSON.
    want = flatten(info["config"])
    assert set(run["params"]) == set(want)
    for key, value in want.items():
        got = run["params"][key]
        if isinstance(value, str):
            assert got == value[:PARAM_LIMIT], key
        else:
            assert json.loads(got) == value, key

    tags = run["tags"]
    assert tags["wandb.run_id"] == info["id"]
    assert tags["wandb.host"] == socket.gethostname()
    assert tags["wandb.python"].endswith(".".join(map(str, sys.version_info[:3])))
    assert tags["wandb.program"].endswith("log_runs.py")
    if info["tags"]:
        assert tags["wandb.tags"] == ", ".join(info["tags"])
    for key, value in info["summary"].items():
        got = tags[f"wandb.summary.{key}"]
        assert (got == value) if isinstance(value, str) else same(float(got), value), key
    # A metric's last value is in the summary too.
    for key, points in info["logged"].items():
        assert same(float(tags[f"wandb.summary.{key}"]), points[-1][1]), key

    # Every value the script logged, at its step.
    for key, points in info["logged"].items():
        s = rl.series(run_id, key)
        assert not s["downsampled"] and s["total"] == len(points), key
        assert s["step"] == [p[0] for p in points], key
        assert all(same(a, b) for a, b in zip(s["value"], [p[1] for p in points])), key

    # Every history value and system sample in the log, with its timestamp, and nothing else.
    series = log_series(records)
    assert {m["key"] for m in run["metrics"]} == set(series)
    assert any(k.startswith("system/") for k in series), "the client logged system metrics"
    for key, points in series.items():
        s = rl.series(run_id, key)
        assert s["step"] == [p[0] for p in points], key
        assert s["timestamp"] == [p[1] for p in points], key
        assert all(same(a, b) for a, b in zip(s["value"], [p[2] for p in points])), key


def test_ingest_reads_every_logged_value(wandb_runs, tmp_path):
    root, truth = wandb_runs
    runs, points, problems = runlens_ingest(root, tmp_path / "data")
    assert problems == []
    assert runs == len(truth)
    assert points == expected_points(root, truth)
    with runlens_serve(tmp_path / "data") as rl:
        assert {f"wandb-{i['id']}" for i in truth} <= set(rl.runs())
        for info in truth:
            check_run(rl, root, info)


def test_second_ingest_adds_nothing(wandb_runs, tmp_path):
    root, truth = wandb_runs
    assert runlens_ingest(root, tmp_path / "data")[1] > 0
    assert runlens_ingest(root, tmp_path / "data") == (len(truth), 0, [])


def test_a_long_config_spans_blocks_and_is_truncated_like_any_param(wandb_runs, tmp_path):
    root, truth = wandb_runs
    blob_run = next(i for i in truth if "blob" in i["config"])
    assert find_log(root, blob_run["id"]).stat().st_size > 2 * 32 * 1024  # the run record spans three blocks
    runlens_ingest(root, tmp_path / "data")
    with runlens_serve(tmp_path / "data") as rl:
        params = rl.get(f"/api/v1/runs/wandb-{blob_run['id']}")["run"]["params"]
        assert params["blob"] == "b" * PARAM_LIMIT and params["seed"] == "7"


def test_serve_watch_reads_the_same(wandb_runs, tmp_path):
    root, truth = wandb_runs
    total = expected_points(root, truth)
    with runlens_serve(tmp_path / "data", root) as rl:

        def all_points():
            runs = rl.runs()
            ours = [runs.get(f"wandb-{i['id']}") for i in truth]
            return all(ours) and sum(m["count"] for r in ours for m in r["metrics"]) == total

        rl.wait_until("every run and point of the watched W&B folder", all_points)
        for info in truth:
            check_run(rl, root, info)


def test_live_run_shows_points_while_it_logs(tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    with runlens_serve(tmp_path / "data", live) as rl:
        proc = log_with_wandb("live", live, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:

            def live_count():
                for run in rl.runs().values():
                    if run["sourceKind"] == "wandb":
                        return next((m["count"] for m in run["metrics"] if m["key"] == "live/loss"), 0)
                return 0

            first = rl.wait_until("the first points of the live run", live_count)
            assert proc.poll() is None, "the run finished before Runlens showed a point"
            rl.wait_until("more points while the run keeps logging", lambda: live_count() > first)
            assert proc.poll() is None, "the run finished before Runlens showed new points"
            running = next(r for r in rl.runs().values() if r["sourceKind"] == "wandb")
            assert running["status"] == "RUNNING"
        finally:
            (live / "stop").touch()
            out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0, out
        truth = json.loads((live / "truth-live.json").read_text())
        run_id = f"wandb-{truth['id']}"
        logged = truth["logged"]["live/loss"]
        rl.wait_until("the finished live run", lambda: rl.runs()[run_id]["status"] == "FINISHED" and live_count() == len(logged))
        s = rl.series(run_id, "live/loss")
        assert s["step"] == [p[0] for p in logged]
        assert all(same(a, b) for a, b in zip(s["value"], [p[1] for p in logged]))
        counts = {m["key"]: m["count"] for m in rl.runs()[run_id]["metrics"]}

    # A restart reads the remembered folder again and adds nothing.
    with runlens_serve(tmp_path / "data", live) as rl:
        rl.wait_until("the run after a restart", lambda: run_id in rl.runs())
        assert {m["key"]: m["count"] for m in rl.runs()[run_id]["metrics"]} == counts
    assert runlens_ingest(live, tmp_path / "data")[1] == 0
