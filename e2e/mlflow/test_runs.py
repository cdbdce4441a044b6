"""Run lifecycle through the fluent API and MlflowClient: params, metrics, tags, end statuses,
nested runs, delete/restore, tag deletion and renaming."""

from concurrent.futures import ThreadPoolExecutor

import mlflow
import pytest
from mlflow import MlflowClient
from mlflow.entities import ViewType

from backends import unique


def user_tags(tags: dict) -> dict:
    return {k: v for k, v in tags.items() if not k.startswith("mlflow.")}


def native_metrics(native_run: dict) -> dict:
    return {m["key"]: (m["count"], m["last"], m["lastStep"]) for m in native_run["metrics"]}


@pytest.mark.parametrize("status", ["FINISHED", "FAILED", "KILLED"])
def test_fluent_run_round_trips(backend, status):
    exp = backend.new_experiment("lifecycle")
    name = unique(f"life-{status.lower()}")
    run_id = mlflow.start_run(experiment_id=exp, run_name=name).info.run_id
    mlflow.log_param("lr", 0.01)
    mlflow.log_params({"batch_size": 32, "optimizer": "adam", "note": "a b/c:d"})
    for step in range(5):
        mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
    mlflow.log_metrics({"acc": 0.75, "f1": 0.5}, step=3)
    mlflow.set_tag("team", "vision")
    mlflow.set_tags({"stage": "dev", "gpu": "none"})
    mlflow.end_run(status=status)

    run = mlflow.get_run(run_id)
    assert run.info.status == status
    assert run.info.run_name == name
    assert run.info.experiment_id == exp
    assert run.info.lifecycle_stage == "active"
    assert run.info.start_time > 0 and run.info.end_time >= run.info.start_time
    assert run.data.params == {"lr": "0.01", "batch_size": "32", "optimizer": "adam", "note": "a b/c:d"}
    assert run.data.metrics == {"loss": 0.2, "acc": 0.75, "f1": 0.5}
    assert user_tags(run.data.tags) == {"team": "vision", "stage": "dev", "gpu": "none"}
    assert run.data.tags["mlflow.runName"] == name
    # Tags the client's context providers add at start_run.
    assert {"mlflow.user", "mlflow.source.name", "mlflow.source.type"} <= run.data.tags.keys()
    history = MlflowClient().get_metric_history(run_id, "loss")
    assert sorted((m.step, m.value) for m in history) == [(s, 1.0 / (s + 1)) for s in range(5)]

    if backend.native:
        native = backend.native.run(run_id)
        assert native["status"] == status
        assert native["name"] == name
        assert native["experiment"] == MlflowClient().get_experiment(exp).name
        assert native["params"] == run.data.params
        assert user_tags(native["tags"]) == user_tags(run.data.tags)
        assert native_metrics(native) == {"loss": (5, 0.2, 4), "acc": (1, 0.75, 3), "f1": (1, 0.5, 3)}
        assert native["startTime"] == run.info.start_time
        assert native["endTime"] == run.info.end_time


def test_context_manager_finishes_and_failure_marks_failed(backend):
    exp = backend.new_experiment("ctx")
    with mlflow.start_run(experiment_id=exp) as ok:
        mlflow.log_metric("x", 1.0)
    with pytest.raises(ZeroDivisionError):
        with mlflow.start_run(experiment_id=exp) as bad:
            1 / 0
    client = MlflowClient()
    assert client.get_run(ok.info.run_id).info.status == "FINISHED"
    assert client.get_run(bad.info.run_id).info.status == "FAILED"
    if backend.native:
        assert backend.native.run(bad.info.run_id)["status"] == "FAILED"


def test_nested_run_carries_parent_tag(backend):
    exp = backend.new_experiment("nested")
    with mlflow.start_run(experiment_id=exp, run_name="parent") as parent:
        with mlflow.start_run(experiment_id=exp, run_name="child", nested=True) as child:
            mlflow.log_metric("x", 1.0)
    client = MlflowClient()
    got = client.get_run(child.info.run_id)
    assert got.data.tags["mlflow.parentRunId"] == parent.info.run_id
    assert got.info.experiment_id == exp
    assert "mlflow.parentRunId" not in client.get_run(parent.info.run_id).data.tags
    children = client.search_runs([exp], filter_string=f"tags.mlflow.parentRunId = '{parent.info.run_id}'")
    assert [r.info.run_id for r in children] == [child.info.run_id]
    if backend.native:
        assert backend.native.run(child.info.run_id)["tags"]["mlflow.parentRunId"] == parent.info.run_id


def test_delete_and_restore_run(backend):
    client = MlflowClient()
    exp = backend.new_experiment("delete")
    keep = client.create_run(exp, run_name="keep").info.run_id
    doomed = client.create_run(exp, run_name="doomed").info.run_id

    def ids(view):
        return {r.info.run_id for r in client.search_runs([exp], run_view_type=view)}

    client.delete_run(doomed)
    assert client.get_run(doomed).info.lifecycle_stage == "deleted"
    assert ids(ViewType.ACTIVE_ONLY) == {keep}
    assert ids(ViewType.DELETED_ONLY) == {doomed}
    assert ids(ViewType.ALL) == {keep, doomed}
    assert [r.info.run_id for r in mlflow.search_runs([exp], output_format="list")] == [keep]

    client.restore_run(doomed)
    assert client.get_run(doomed).info.lifecycle_stage == "active"
    assert ids(ViewType.ACTIVE_ONLY) == {keep, doomed}
    assert ids(ViewType.DELETED_ONLY) == set()


def test_delete_tag_and_rename_run(backend):
    client = MlflowClient()
    exp = backend.new_experiment("rename")
    run_id = client.create_run(exp, run_name="before", tags={"keep": "1", "drop": "2"}).info.run_id
    client.delete_tag(run_id, "drop")
    client.update_run(run_id, name="after")
    run = client.get_run(run_id)
    assert user_tags(run.data.tags) == {"keep": "1"}
    assert run.info.run_name == "after"
    assert run.data.tags["mlflow.runName"] == "after"
    assert run.info.status == "RUNNING"
    assert [r.info.run_id for r in client.search_runs([exp], "attributes.run_name = 'after'")] == [run_id]

    client.update_run(run_id, status="KILLED")
    assert client.get_run(run_id).info.status == "KILLED"
    if backend.native:
        native = backend.native.run(run_id)
        assert native["name"] == "after"
        assert user_tags(native["tags"]) == {"keep": "1"}
        assert native["status"] == "KILLED"


def test_async_logging_lands_after_flush(backend):
    exp = backend.new_experiment("async")
    with mlflow.start_run(experiment_id=exp) as run:
        for step in range(50):
            mlflow.log_metric("loss", step / 50, step=step, synchronous=False)
        mlflow.log_param("mode", "async", synchronous=False)
        mlflow.flush_async_logging()
    got = MlflowClient().get_run(run.info.run_id)
    assert got.data.params == {"mode": "async"}
    assert sorted(m.step for m in MlflowClient().get_metric_history(run.info.run_id, "loss")) == list(range(50))


def test_localhost_tracking_uri(backend):
    """Users write http://localhost:PORT as often as 127.0.0.1; the Host header then says localhost."""
    client = MlflowClient(tracking_uri=backend.url.replace("127.0.0.1", "localhost"))
    exp = client.create_experiment(unique("localhost"))
    run_id = client.create_run(exp).info.run_id
    client.log_metric(run_id, "x", 2.0)
    assert MlflowClient().get_run(run_id).data.metrics == {"x": 2.0}


def test_resume_run_by_id(backend):
    exp = backend.new_experiment("resume")
    with mlflow.start_run(experiment_id=exp, run_name="resumable") as first:
        mlflow.log_metric("loss", 1.0, step=0)
    client = MlflowClient()
    assert client.get_run(first.info.run_id).info.status == "FINISHED"
    with mlflow.start_run(run_id=first.info.run_id) as again:
        assert again.info.run_id == first.info.run_id
        assert client.get_run(first.info.run_id).info.status == "RUNNING"
        mlflow.log_metric("loss", 0.5, step=1)
    run = client.get_run(first.info.run_id)
    assert (run.info.status, run.info.run_name, run.data.metrics) == ("FINISHED", "resumable", {"loss": 0.5})
    assert sorted(m.step for m in client.get_metric_history(run.info.run_id, "loss")) == [0, 1]


def test_concurrent_logging_to_one_run(backend):
    """Four threads log at once (a data loader, an evaluator, async logging): nothing is lost."""
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("threads")).info.run_id

    def worker(w: int) -> None:
        for step in range(40):
            client.log_metric(run_id, f"w{w}", step * 1.0, timestamp=1_760_000_000_000 + step, step=step)
            client.log_metric(run_id, "shared", w * 1000 + step, timestamp=1_760_000_000_000 + step, step=step)
        client.log_param(run_id, f"p{w}", str(w))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(worker, range(4)))
    run = client.get_run(run_id)
    assert run.data.params == {f"p{w}": str(w) for w in range(4)}
    for w in range(4):
        assert sorted(m.value for m in client.get_metric_history(run_id, f"w{w}")) == [s * 1.0 for s in range(40)]
    shared = client.get_metric_history(run_id, "shared")
    assert sorted(m.value for m in shared) == sorted(float(w * 1000 + s) for w in range(4) for s in range(40))
    if backend.native:
        counts = {m["key"]: m["count"] for m in backend.native.run(run_id)["metrics"]}
        assert counts == {"shared": 160, **{f"w{w}": 40 for w in range(4)}}
