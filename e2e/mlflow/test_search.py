"""search_runs: filters on metrics, params, tags and attributes, ordering, paging, and the pandas
form of mlflow.search_runs. The same six runs are logged on each backend; the expected orders
are what a real mlflow server answers."""

import math

import mlflow
import pytest
from mlflow import MlflowClient

from backends import Backend

# name, start-time offset (ms), params.lr, tags.team, metrics.acc (None: not logged), status
RUNS = [
    ("abc-1", 1000, "0.1", "x", 0.9, "FINISHED"),
    ("abc-2", 2000, "0.01", "y", 0.4, "FINISHED"),
    ("abd-3", 3000, "0.1", "x", 0.7, "FAILED"),
    ("xyz-4", 4000, "0.1", "y", 0.6, "FINISHED"),
    ("abc-5", 5000, "0.001", "x", 0.95, "KILLED"),
    ("noacc-6", 6000, "0.1", "x", None, "FINISHED"),
]
T0 = 1_760_000_000_000

# (filter, order_by, expected run names in order)
QUERIES = [
    ("metrics.acc > 0.5", ["attributes.start_time ASC"], ["abc-1", "abd-3", "xyz-4", "abc-5"]),
    ("metrics.acc <= 0.6", ["attributes.start_time ASC"], ["abc-2", "xyz-4"]),
    ("params.lr = '0.1'", ["attributes.start_time ASC"], ["abc-1", "abd-3", "xyz-4", "noacc-6"]),
    ("params.lr != '0.1'", ["attributes.start_time ASC"], ["abc-2", "abc-5"]),
    ("tags.team = 'x'", ["attributes.start_time ASC"], ["abc-1", "abd-3", "abc-5", "noacc-6"]),
    ("attributes.status = 'FINISHED'", ["attributes.start_time ASC"], ["abc-1", "abc-2", "xyz-4", "noacc-6"]),
    ("attributes.status != 'FINISHED'", ["attributes.start_time ASC"], ["abd-3", "abc-5"]),
    ("attributes.run_name LIKE 'abc%'", ["attributes.start_time ASC"], ["abc-1", "abc-2", "abc-5"]),
    ("attributes.run_name ILIKE 'ABC%'", ["attributes.start_time ASC"], ["abc-1", "abc-2", "abc-5"]),
    ("metrics.acc > 0.5 AND params.lr = '0.1' AND tags.team = 'x'", ["attributes.start_time ASC"], ["abc-1", "abd-3"]),
    ("attributes.run_name LIKE 'ab%' AND attributes.status = 'FINISHED'", ["attributes.start_time ASC"], ["abc-1", "abc-2"]),
    ("", ["metrics.acc DESC"], ["abc-5", "abc-1", "abd-3", "xyz-4", "abc-2", "noacc-6"]),
    ("", ["metrics.acc ASC"], ["abc-2", "xyz-4", "abd-3", "abc-1", "abc-5", "noacc-6"]),
    ("", ["attributes.start_time ASC"], ["abc-1", "abc-2", "abd-3", "xyz-4", "abc-5", "noacc-6"]),
    ("", [], ["noacc-6", "abc-5", "xyz-4", "abd-3", "abc-2", "abc-1"]),
    ("", ["params.lr ASC", "attributes.start_time DESC"], ["abc-5", "abc-2", "noacc-6", "xyz-4", "abd-3", "abc-1"]),
    ("tags.team = 'y'", ["metrics.acc DESC"], ["xyz-4", "abc-2"]),
    ("metrics.acc >= 0.9", ["attributes.start_time ASC"], ["abc-1", "abc-5"]),
    ("params.lr LIKE '0.0%'", ["attributes.start_time ASC"], ["abc-2", "abc-5"]),
    ("tags.`mlflow.runName` = 'xyz-4'", [], ["xyz-4"]),
    (f"attributes.start_time > {T0 + 3000}", ["attributes.start_time ASC"], ["xyz-4", "abc-5", "noacc-6"]),
    (f"attributes.end_time <= {T0 + 2500}", ["attributes.start_time ASC"], ["abc-1", "abc-2"]),
    ("metrics.loss < 0.25 AND metrics.acc > 0", ["attributes.start_time ASC"], ["abc-1", "abc-2"]),
    ("", ["tags.team ASC", "metrics.acc DESC"], ["abc-5", "abc-1", "abd-3", "noacc-6", "xyz-4", "abc-2"]),
    ("", ["attributes.run_name DESC"], ["xyz-4", "noacc-6", "abd-3", "abc-5", "abc-2", "abc-1"]),
]


def seed(exp: str) -> None:
    client = MlflowClient()
    for name, offset, lr, team, acc, status in RUNS:
        run_id = client.create_run(exp, start_time=T0 + offset, run_name=name, tags={"team": team}).info.run_id
        client.log_param(run_id, "lr", lr)
        client.log_metric(run_id, "loss", offset / 10000, timestamp=T0 + offset, step=1)
        if acc is not None:
            client.log_metric(run_id, "acc", acc, timestamp=T0 + offset, step=1)
        client.set_terminated(run_id, status=status, end_time=T0 + offset + 500)


def summary(run) -> tuple:
    return (run.info.run_name, run.info.status, run.info.start_time, run.data.params, run.data.metrics, run.data.tags["team"])


def signature(exp: str) -> dict:
    """Everything the client sees for each query, comparable across backends."""
    client = MlflowClient()
    out = {}
    for filt, order, _ in QUERIES:
        out[(filt, tuple(order))] = [summary(r) for r in client.search_runs([exp], filt, order_by=order)]
    out["pages"] = pages(exp)
    return out


def pages(exp: str) -> list[list[str]]:
    client = MlflowClient()
    result, token = [], None
    for _ in range(10):
        page = client.search_runs([exp], max_results=2, order_by=["attributes.start_time ASC"], page_token=token)
        if page:
            result.append([r.info.run_name for r in page])
        token = page.token
        if not token:
            break
    return result


@pytest.fixture
def seeded(backend) -> str:
    exp = backend.new_experiment("search")
    seed(exp)
    return exp


@pytest.mark.parametrize("filt,order,expected", QUERIES, ids=[f"{q[0] or 'all'} | {','.join(q[1]) or 'default'}" for q in QUERIES])
def test_search_runs_filter_and_order(seeded, filt, order, expected):
    runs = MlflowClient().search_runs([seeded], filt, order_by=order)
    assert [r.info.run_name for r in runs] == expected
    by_name = {r[0]: r for r in RUNS}
    for run in runs:
        _, offset, lr, team, acc, status = by_name[run.info.run_name]
        assert run.data.params == {"lr": lr}
        assert run.data.metrics == ({"loss": offset / 10000} | ({"acc": acc} if acc is not None else {}))
        assert (run.info.status, run.info.start_time, run.info.end_time) == (status, T0 + offset, T0 + offset + 500)


def test_search_runs_pages(seeded):
    assert pages(seeded) == [["abc-1", "abc-2"], ["abd-3", "xyz-4"], ["abc-5", "noacc-6"]]


def test_paging_through_tied_runs_sees_each_once(backend):
    """60 runs with one start time: the order's tie-break must be stable across pages."""
    client = MlflowClient()
    exp = backend.new_experiment("ties")
    created = {client.create_run(exp, start_time=T0).info.run_id for _ in range(60)}
    seen, token = [], None
    for _ in range(20):
        page = client.search_runs([exp], max_results=7, order_by=["attributes.start_time DESC"], page_token=token)
        seen += [r.info.run_id for r in page]
        token = page.token
        if not token:
            break
    assert len(seen) == len(set(seen)) == 60 and set(seen) == created
    assert len(mlflow.search_runs([exp])) == 60


def test_fluent_search_runs_dataframe(seeded):
    exp_name = MlflowClient().get_experiment(seeded).name
    df = mlflow.search_runs(
        experiment_names=[exp_name],
        filter_string="metrics.acc > 0.5 AND params.lr = '0.1'",
        order_by=["metrics.acc DESC"],
    )
    assert df["tags.mlflow.runName"].tolist() == ["abc-1", "abd-3", "xyz-4"]
    assert df["params.lr"].tolist() == ["0.1", "0.1", "0.1"]
    assert df["metrics.acc"].tolist() == [0.9, 0.7, 0.6]
    assert df["status"].tolist() == ["FINISHED", "FAILED", "FINISHED"]
    # max_results smaller than a server page: the fluent API stops at it.
    top = mlflow.search_runs([seeded], order_by=["metrics.acc DESC"], max_results=2)
    assert top["tags.mlflow.runName"].tolist() == ["abc-5", "abc-1"]
    everything = mlflow.search_runs([seeded])
    assert len(everything) == 6
    assert math.isnan(everything.set_index("tags.mlflow.runName").loc["noacc-6", "metrics.acc"])


def test_search_results_equal_across_backends(both: dict[str, Backend]):
    seen = {}
    for name, b in both.items():
        b.activate()
        exp = b.new_experiment("search-x")
        seed(exp)
        seen[name] = signature(exp)
    assert seen["runlens"] == seen["mlflow_server"]
