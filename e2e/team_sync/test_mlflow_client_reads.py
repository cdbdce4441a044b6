"""The issue's third proof: a run pushed from Runlens is opened by the real `mlflow` client as any
teammate would open it: get_run (params, tags, status, start and end time), get_metric_history
of every key, list_artifacts and download_artifacts (the same bytes)."""

from __future__ import annotations

from pathlib import Path

from conftest import REMOTE, serve
from run_view import as_sql_store_holds
from sync_client import canonical
from workload import KEYS, make_run, log_run

STEPS = 2_000


def listed_files(client, run_id: str, path: str | None = None) -> list[str]:
    out = []
    for f in client.list_artifacts(run_id, path):
        out += listed_files(client, run_id, f.path) if f.is_dir else [f.path]
    return out


def test_real_mlflow_client_opens_a_pushed_run(tmp_path, remote, mlflow_client):
    experiment = "team-sync-opened-by-mlflow"
    run = make_run(20, STEPS)
    with serve(tmp_path / "a", remote) as a:
        local_id = log_run(a, experiment, run, tmp_path, 0)
        mine = a.run(local_id)
        done = a.finish_job(a.push(REMOTE, runIds=[local_id]))
        remote_id = done["runs"][0]["remoteId"]

    got = mlflow_client.get_run(remote_id)
    assert got.info.run_name == run.name
    assert got.info.status == "FINISHED" == mine["status"]
    assert (got.info.start_time, got.info.end_time) == (mine["startTime"], mine["endTime"])
    assert mlflow_client.get_experiment(got.info.experiment_id).name == experiment
    assert got.data.params == run.params
    assert run.tags.items() <= got.data.tags.items()
    assert got.data.tags["runlens.source_run_id"] == local_id
    assert {(i.dataset.name, i.dataset.digest) for i in got.inputs.dataset_inputs} >= {("imagenet-val", "d1g35t0000")}

    for key in KEYS:
        history = mlflow_client.get_metric_history(remote_id, key)
        want = as_sql_store_holds([(p["step"], p["timestamp"], canonical(p["value"])) for p in run.points if p["key"] == key])
        assert sorted(((m.step, m.timestamp, canonical(m.value)) for m in history), key=str) == sorted(want, key=str), key

    assert sorted(listed_files(mlflow_client, remote_id)) == sorted(run.artifacts)
    downloaded = Path(mlflow_client.download_artifacts(remote_id, "", str(tmp_path / "download")))
    for path, data in run.artifacts.items():
        assert (downloaded / path).read_bytes() == data, path
