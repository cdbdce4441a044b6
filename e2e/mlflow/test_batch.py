"""log_batch at its limits. MlflowClient.log_batch splits what it is given into requests that fit
MLflow's per-request limits (1000 metrics, 100 params, 100 tags, 1000 entities), so the limits
themselves are exercised through the client's REST store, which sends one request as given."""

import time

import pytest
from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException


def test_log_batch_1000_metrics_100_params_100_tags(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("batch")).info.run_id
    t0 = int(time.time() * 1000)
    # 10 keys x 100 steps: the same shape a training loop flushes.
    metrics = [Metric(f"m{k}", k + step / 100, t0 + step, step) for k in range(10) for step in range(100)]
    params = [Param(f"p{i:03d}", f"value-{i}") for i in range(100)]
    tags = [RunTag(f"t{i:03d}", f"tag-{i}") for i in range(100)]
    client.log_batch(run_id, metrics=metrics, params=params, tags=tags)

    run = client.get_run(run_id)
    assert run.data.params == {p.key: p.value for p in params}
    assert {k: v for k, v in run.data.tags.items() if k.startswith("t")} == {t.key: t.value for t in tags}
    assert run.data.metrics == {f"m{k}": k + 0.99 for k in range(10)}
    history = client.get_metric_history(run_id, "m7")
    assert sorted((m.step, m.timestamp, m.value) for m in history) == [(s, t0 + s, 7 + s / 100) for s in range(100)]

    if backend.native:
        native = backend.native.run(run_id)
        assert native["params"] == run.data.params
        assert {m["key"]: (m["count"], m["last"]) for m in native["metrics"]} == {
            f"m{k}": (100, k + 0.99) for k in range(10)
        }


def test_client_splits_1001_metrics_into_two_requests(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("split")).info.run_id
    t0 = int(time.time() * 1000)
    client.log_batch(run_id, metrics=[Metric("loss", 1 / (s + 1), t0 + s, s) for s in range(1001)])
    history = client.get_metric_history(run_id, "loss")
    assert sorted(m.step for m in history) == list(range(1001))
    if backend.native:
        assert [(m["count"], m["lastStep"]) for m in backend.native.run(run_id)["metrics"]] == [(1001, 1000)]


LIMIT_CASES = {
    "1001 metrics": dict(metrics=[Metric("m", float(i), 1, i) for i in range(1001)]),
    "101 params": dict(params=[Param(f"p{i}", "v") for i in range(101)]),
    "101 tags": dict(tags=[RunTag(f"t{i}", "v") for i in range(101)]),
    "1001 entities": dict(
        metrics=[Metric("m", float(i), 1, i) for i in range(901)],
        params=[Param(f"p{i}", "v") for i in range(50)],
        tags=[RunTag(f"t{i}", "v") for i in range(50)],
    ),
    "key over 250 chars": dict(metrics=[Metric("k" * 251, 1.0, 1, 0)]),
    "key with '..'": dict(params=[Param("a/../b", "v")]),
}


@pytest.mark.parametrize("case", LIMIT_CASES)
def test_over_limit_batch_is_refused_whole(backend, case):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("limits")).info.run_id
    batch = {"metrics": [], "params": [], "tags": [], **LIMIT_CASES[case]}
    with pytest.raises(MlflowException) as refused:
        client._tracking_client.store.log_batch(run_id, **batch)
    assert refused.value.error_code == "INVALID_PARAMETER_VALUE", refused.value.message
    run = client.get_run(run_id)
    assert run.data.metrics == {} and run.data.params == {}
    assert not any(k.startswith("t") for k in run.data.tags)


def test_over_long_values_are_truncated(backend):
    """A real mlflow server (MLFLOW_TRUNCATE_LONG_VALUES, on by default) stores a param value over
    6000 characters or a tag value over 8000 cut to that length rather than refusing it; the
    client sends them whole and documents that they "will be truncated when stored"."""
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("truncate")).info.run_id
    client.log_param(run_id, "long", "p" * 6001)
    client.set_tag(run_id, "long", "t" * 8001)
    run = client.get_run(run_id)
    assert run.data.params["long"] == "p" * 6000
    assert run.data.tags["long"] == "t" * 8000
