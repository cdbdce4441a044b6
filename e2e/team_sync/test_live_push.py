"""Live push: a RUNNING run pushed with `live` keeps going to the remote while it trains: points
logged after the push appear there (bounded poll), and finishing it turns the remote run
FINISHED with its end time."""

from __future__ import annotations

from conftest import REMOTE, serve
from sync_client import wait_for

T0 = 1_770_000_000_000


def points(start: int, end: int) -> list[dict]:
    return [{"key": "loss", "value": 1.0 / (s + 1), "step": s, "timestamp": T0 + 100 * s} for s in range(start, end)]


def test_running_run_pushed_live_follows_to_the_remote_until_it_finishes(tmp_path, remote, mlflow_client):
    with serve(tmp_path / "a", remote) as a:
        run_id = a.create_run("team-sync-live", "live-run", params={"lr": "0.1"})
        a.log_points(run_id, points(0, 500))
        done = a.finish_job(a.push(REMOTE, runIds=[run_id], live=True))
        remote_id = done["runs"][0]["remoteId"]
        assert mlflow_client.get_run(remote_id).info.status == "RUNNING"
        assert len(mlflow_client.get_metric_history(remote_id, "loss")) == 500
        assert a.run(run_id)["sync"]["live"] is True

        # Training goes on in bursts; each reaches the remote without another push.
        logged = points(0, 500)
        for start, end in ((500, 1000), (1500, 2000), (4000, 6000)):
            a.log_points(run_id, points(start, end))
            logged += points(start, end)
            wait_for(f"{len(logged)} points on the remote", lambda: len(mlflow_client.get_metric_history(remote_id, "loss")) >= len(logged), timeout=60)
        history = mlflow_client.get_metric_history(remote_id, "loss")
        assert sorted((m.step, m.timestamp, m.value) for m in history) == sorted((p["step"], p["timestamp"], p["value"]) for p in logged)

        a.finish(run_id)
        wait_for("the remote run to be FINISHED", lambda: mlflow_client.get_run(remote_id).info.status == "FINISHED", timeout=60)
        assert mlflow_client.get_run(remote_id).info.end_time == a.run(run_id)["endTime"]
        wait_for("the live push to end", lambda: a.run(run_id)["sync"]["live"] is False, timeout=60)
