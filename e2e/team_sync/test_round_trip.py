"""The issue's first proof: Runlens A pushes 3 runs × 100,000 points (with params, tags, dataset
inputs and artifacts) to a PostgreSQL-backed mlflow server; Runlens B, a second empty data folder,
pulls the remote experiment; every value, step, timestamp, param, tag, input and artifact digest
is equal in A, on the remote (read by the real mlflow client) and in B.

The one difference MLflow itself makes: its SQL store keeps ±Infinity as ±DBL_MAX, so the remote,
and B which copies the remote, hold that where A holds ±Infinity (run_view.as_sql_store_holds).
"""

from __future__ import annotations

from conftest import REMOTE, serve
from run_view import as_mlflow_holds_inputs, as_sql_store_holds, client_history, sorted_points, view
from sync_client import canonical
from workload import KEYS, make_run, log_run

RUNS = 3
STEPS = 25_000  # per key: 4 keys × 25,000 = 100,000 points per run


def logged(run) -> dict[str, list]:
    return {k: sorted_points([(p["step"], p["timestamp"], canonical(p["value"])) for p in run.points if p["key"] == k]) for k in KEYS}


def test_three_runs_pushed_to_postgres_mlflow_and_pulled_back_are_equal(tmp_path, remote, mlflow_client):
    experiment = "team-sync-round-trip"
    runs = [make_run(i, STEPS) for i in range(RUNS)]

    with serve(tmp_path / "a", remote) as a:
        local_ids = [log_run(a, experiment, r, tmp_path, i) for i, r in enumerate(runs)]
        pushed = a.finish_job(a.push(REMOTE, experiment=experiment))
        assert pushed["points"] == RUNS * len(KEYS) * STEPS, pushed
        assert sorted(r["localId"] for r in pushed["runs"]) == sorted(local_ids), pushed
        remote_of = {r["localId"]: r["remoteId"] for r in pushed["runs"]}
        assert pushed["bytes"] == sum(len(b) for r in runs for b in r.artifacts.values()), pushed
        in_a = {i: view(a.url, {"Authorization": f"Bearer {a.token}"}, i, a.history) for i in local_ids}
        # Every tag the run holds in A (the native view: no tags a server derives for MLflow's UI).
        tags_a = {i: a.run(i)["tags"] for i in local_ids}

    # A holds what was logged: the reads below compare real data, not two empty answers.
    for i, run in zip(local_ids, runs):
        assert in_a[i].histories == logged(run), f"run {run.name}: A's stored histories differ from what was logged"
        assert in_a[i].params == run.params
        assert tags_a[i] == run.tags
        assert len(in_a[i].inputs) == len(run.inputs) and len(in_a[i].artifacts) == len(run.artifacts), in_a[i]

    exp = mlflow_client.get_experiment_by_name(experiment)
    assert exp is not None, f"no experiment {experiment!r} on the remote"
    on_remote = {i: view(remote.url, {}, remote_of[i], client_history(mlflow_client)) for i in local_ids}
    for i, run in zip(local_ids, runs):
        r, mine = on_remote[i], in_a[i]
        assert {k: len(v) for k, v in r.histories.items()} == {k: len(v) for k, v in mine.histories.items()}, run.name
        for key in KEYS:
            assert r.histories[key] == as_sql_store_holds(mine.histories[key]), f"{run.name} {key}: the remote's history differs"
        assert r.params == mine.params
        assert tags_a[i].items() <= r.tags.items(), f"{run.name}: tags missing or different on the remote"
        assert r.tags["runlens.source_run_id"] == i
        assert r.inputs == as_mlflow_holds_inputs(mine.inputs), f"{run.name}: the remote's dataset inputs differ"
        assert r.artifacts == mine.artifacts
        assert (r.status, r.start_time, r.end_time) == (mine.status, mine.start_time, mine.end_time)

    with serve(tmp_path / "b", remote) as b:
        pulled = b.finish_job(b.pull(REMOTE, experimentId=exp.experiment_id))
        local_of = {r["remoteId"]: r["localId"] for r in pulled["runs"]}
        assert sorted(local_of) == sorted(remote_of.values()), pulled
        in_b = {i: view(b.url, {"Authorization": f"Bearer {b.token}"}, local_of[remote_of[i]], b.history) for i in local_ids}
        for i, run in zip(local_ids, runs):
            summary = b.run(local_of[remote_of[i]])
            assert summary["experiment"] == experiment and summary["sync"]["state"] == "remote", summary["sync"]

    for i, run in zip(local_ids, runs):
        pulled_run, mine = in_b[i], in_a[i]
        for key in KEYS:
            assert pulled_run.histories[key] == as_sql_store_holds(mine.histories[key]), f"{run.name} {key}: B's history differs from A's"
        assert pulled_run.histories.keys() == mine.histories.keys()
        assert pulled_run.params == mine.params
        assert tags_a[i].items() <= pulled_run.tags.items(), f"{run.name}: tags missing or different in B"
        assert pulled_run.inputs == mine.inputs, f"{run.name}: B's dataset inputs differ from A's"
        assert pulled_run.artifacts == mine.artifacts
        assert (pulled_run.status, pulled_run.start_time, pulled_run.end_time) == (mine.status, mine.start_time, mine.end_time)
