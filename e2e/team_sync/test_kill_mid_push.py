"""The issue's second proof: the mlflow server is SIGKILLed in the middle of a push of 3 × 100,000
points; the push job fails; the server comes back on the same PostgreSQL database and artifact
folder; a second push finishes, and the remote holds each point exactly once (read with the real
mlflow client's get_metric_history) in exactly one remote run per local run.

MLflow's SQL store keys a metric row by all of (key, step, timestamp, value), so a point resent
whole would not show as a second row: the test also checks that the second push sent exactly the
points the remote did not have after the kill (its count read before pushing again).
"""

from __future__ import annotations

from collections import Counter

from conftest import REMOTE, serve
from run_view import as_sql_store_holds, client_history
from sync_client import canonical
from workload import KEYS, make_run, log_run

RUNS = 3
STEPS = 25_000


def test_push_killed_mid_way_resumes_with_each_point_once(tmp_path, remote, mlflow_client):
    experiment = "team-sync-kill-mid-push"
    runs = [make_run(10 + i, STEPS) for i in range(RUNS)]
    total = RUNS * len(KEYS) * STEPS
    history = client_history(mlflow_client)

    with serve(tmp_path / "a", remote) as a:
        local_ids = [log_run(a, experiment, r, tmp_path, i) for i, r in enumerate(runs)]
        job = a.push(REMOTE, experiment=experiment)

        def sent_some_or_ended() -> bool:
            j = a.job(job)
            return j["progress"]["points"] > 0 or j["done"] is not None

        a.wait_until("the push to have sent some points", sent_some_or_ended, poll=0.05)
        assert a.job(job)["done"] is None, f"the push ended before the kill: {a.job(job)}"
        remote.kill()
        first = a.wait_job(job)
        assert first["outcome"] == "failed" and first["error"], first
        print(f"\n[kill-mid-push] killed after {a.job(job)['progress']['points']:,} of {total:,} points; the job failed: {first['error']}")

        remote.start()
        exp = mlflow_client.get_experiment_by_name(experiment)
        assert exp is not None
        # What the remote holds after the kill, before pushing again.
        runs_after_kill = mlflow_client.search_runs([exp.experiment_id], max_results=100)
        held = sum(len(history(r.info.run_id, k)) for r in runs_after_kill for k in r.data.metrics)
        assert held < total, "the kill came after the whole push: nothing was interrupted"

        second = a.finish_job(a.push(REMOTE, experiment=experiment))
        assert second["points"] == total - held, f"the second push sent {second['points']:,} points; the remote lacked {total - held:,}"
        remote_of = {r["localId"]: r["remoteId"] for r in second["runs"]}
        assert sorted(remote_of) == sorted(local_ids), second

    for local_id, run in zip(local_ids, runs):
        found = mlflow_client.search_runs([exp.experiment_id], filter_string=f"tags.`runlens.source_run_id` = '{local_id}'")
        assert [r.info.run_id for r in found] == [remote_of[local_id]], f"{run.name}: remote runs {[r.info.run_id for r in found]}"
        for key in KEYS:
            want = as_sql_store_holds([(p["step"], p["timestamp"], canonical(p["value"])) for p in run.points if p["key"] == key])
            got = history(remote_of[local_id], key)
            assert len(got) == len(want), f"{run.name} {key}: {len(got):,} points on the remote, {len(want):,} logged"
            assert Counter(got) == Counter(want), f"{run.name} {key}: the remote's points are not the logged ones, once each"
