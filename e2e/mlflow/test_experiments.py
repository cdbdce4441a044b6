"""Experiments: create with tags, get by id and name, search with filter/order/paging, tag,
rename, delete/restore, and the fluent set_experiment that creates on first use."""

import mlflow
from mlflow import MlflowClient
from mlflow.entities import ViewType

from backends import unique


def user_tags(tags: dict) -> dict:
    return {k: v for k, v in tags.items() if not k.startswith("mlflow.")}


def test_experiment_lifecycle(backend):
    client = MlflowClient()
    name = unique("crud")
    exp_id = client.create_experiment(name, tags={"owner": "ml", "purpose": "e2e"})
    assert isinstance(exp_id, str) and exp_id

    exp = client.get_experiment(exp_id)
    assert (exp.experiment_id, exp.name, exp.lifecycle_stage) == (exp_id, name, "active")
    assert user_tags(exp.tags) == {"owner": "ml", "purpose": "e2e"}
    assert exp.artifact_location
    assert exp.creation_time > 0 and exp.last_update_time >= exp.creation_time
    assert client.get_experiment_by_name(name).experiment_id == exp_id

    client.set_experiment_tag(exp_id, "owner", "infra")
    assert user_tags(client.get_experiment(exp_id).tags) == {"owner": "infra", "purpose": "e2e"}

    client.rename_experiment(exp_id, f"{name}-renamed")
    assert client.get_experiment(exp_id).name == f"{name}-renamed"
    assert client.get_experiment_by_name(name) is None
    assert client.get_experiment_by_name(f"{name}-renamed").experiment_id == exp_id

    def found(view):
        return [e.experiment_id for e in client.search_experiments(view_type=view, filter_string=f"name = '{name}-renamed'")]

    run_id = client.create_run(exp_id).info.run_id
    client.delete_experiment(exp_id)
    assert client.get_experiment(exp_id).lifecycle_stage == "deleted"
    assert client.get_experiment_by_name(f"{name}-renamed").lifecycle_stage == "deleted"
    assert client.get_run(run_id).info.lifecycle_stage == "deleted"
    assert found(ViewType.ACTIVE_ONLY) == []
    assert found(ViewType.DELETED_ONLY) == [exp_id]
    assert found(ViewType.ALL) == [exp_id]

    client.restore_experiment(exp_id)
    assert client.get_experiment(exp_id).lifecycle_stage == "active"
    assert client.get_run(run_id).info.lifecycle_stage == "active"
    assert found(ViewType.ACTIVE_ONLY) == [exp_id]


def test_search_experiments_filter_order_and_pages(backend):
    client = MlflowClient()
    prefix = unique("srch")
    ids = {s: client.create_experiment(f"{prefix}-{s}", tags={"kind": k}) for s, k in [("a", "odd"), ("b", "even"), ("c", "odd")]}

    def names(**kw):
        return [e.name.rsplit("-", 1)[1] for e in client.search_experiments(**kw)]

    assert names(filter_string=f"name LIKE '{prefix}%'", order_by=["name DESC"]) == ["c", "b", "a"]
    assert names(filter_string=f"name LIKE '{prefix}%'", order_by=["name ASC"]) == ["a", "b", "c"]
    assert names(filter_string=f"name LIKE '{prefix}%' AND tags.kind = 'odd'", order_by=["name ASC"]) == ["a", "c"]
    assert names(filter_string=f"name = '{prefix}-b'") == ["b"]

    first = client.search_experiments(filter_string=f"name LIKE '{prefix}%'", order_by=["name ASC"], max_results=2)
    assert [e.experiment_id for e in first] == [ids["a"], ids["b"]] and first.token
    rest = client.search_experiments(filter_string=f"name LIKE '{prefix}%'", order_by=["name ASC"], max_results=2, page_token=first.token)
    assert [e.experiment_id for e in rest] == [ids["c"]]

    fluent = mlflow.search_experiments(filter_string=f"name LIKE '{prefix}%'", order_by=["name DESC"])
    assert [e.experiment_id for e in fluent] == [ids["c"], ids["b"], ids["a"]]


def test_set_experiment_creates_it_and_runs_land_there(backend):
    name = unique("fluent")
    exp = mlflow.set_experiment(name)
    assert exp.name == name and exp.lifecycle_stage == "active"
    assert MlflowClient().get_experiment_by_name(name).experiment_id == exp.experiment_id
    assert mlflow.set_experiment(name).experiment_id == exp.experiment_id
    with mlflow.start_run() as run:
        mlflow.log_metric("x", 1.0)
    assert run.info.experiment_id == exp.experiment_id
    if backend.native:
        assert backend.native.run(run.info.run_id)["experiment"] == name


def test_default_experiment(backend):
    """With no experiment set, the client logs to experiment "0", which every server has."""
    default = MlflowClient().get_experiment("0")
    assert (default.experiment_id, default.name) == ("0", "Default")
    assert MlflowClient().get_experiment_by_name("Default").experiment_id == "0"
    with mlflow.start_run() as run:
        mlflow.log_param("where", "default")
    assert MlflowClient().get_run(run.info.run_id).info.experiment_id == "0"
