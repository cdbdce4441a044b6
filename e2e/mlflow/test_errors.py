"""What the client raises when the server refuses: MlflowException.error_code must be the one a
real mlflow server sends, since user code branches on it."""

from typing import Callable

import pytest
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException

from backends import Backend, unique

UNKNOWN_RUN = "f" * 32


def _changed_param(client: MlflowClient, run_id: str, exp: str) -> None:
    client.log_param(run_id, "lr", "0.1")
    client.log_param(run_id, "lr", "0.1")  # the same value again is fine
    client.log_param(run_id, "lr", "0.2")


def _existing_experiment(client: MlflowClient, run_id: str, exp: str) -> None:
    client.create_experiment(client.get_experiment(exp).name)


def _deleted_experiment_name(client: MlflowClient, run_id: str, exp: str) -> None:
    client.delete_experiment(exp)
    client.create_experiment(client.get_experiment(exp).name)


def _log_to_deleted_run(client: MlflowClient, run_id: str, exp: str) -> None:
    client.delete_run(run_id)
    client.log_metric(run_id, "x", 1.0)


CASES: dict[str, tuple[Callable, str]] = {
    "get unknown run": (lambda c, r, e: c.get_run(UNKNOWN_RUN), "RESOURCE_DOES_NOT_EXIST"),
    "log metric to unknown run": (lambda c, r, e: c.log_metric(UNKNOWN_RUN, "x", 1.0), "RESOURCE_DOES_NOT_EXIST"),
    "get unknown experiment": (lambda c, r, e: c.get_experiment("987654321"), "RESOURCE_DOES_NOT_EXIST"),
    "create run in unknown experiment": (lambda c, r, e: c.create_run("987654321"), "RESOURCE_DOES_NOT_EXIST"),
    "delete missing tag": (lambda c, r, e: c.delete_tag(r, "never-set"), "RESOURCE_DOES_NOT_EXIST"),
    "change a param value": (_changed_param, "INVALID_PARAMETER_VALUE"),
    "log to a deleted run": (_log_to_deleted_run, "INVALID_PARAMETER_VALUE"),
    "create an existing experiment": (_existing_experiment, "RESOURCE_ALREADY_EXISTS"),
    "reuse a deleted experiment's name": (_deleted_experiment_name, "RESOURCE_ALREADY_EXISTS"),
    "search with a malformed filter": (lambda c, r, e: c.search_runs([e], "metrics.acc >> 1"), "INVALID_PARAMETER_VALUE"),
    "search with OR": (lambda c, r, e: c.search_runs([e], "metrics.a > 1 OR metrics.b > 1"), "INVALID_PARAMETER_VALUE"),
    "search ordered by an unknown attribute": (lambda c, r, e: c.search_runs([e], order_by=["attributes.nope ASC"]), "INVALID_PARAMETER_VALUE"),
}


def error_code(name: str) -> str:
    client = MlflowClient()
    exp = client.create_experiment(unique("errors"))
    run_id = client.create_run(exp).info.run_id
    action, _ = CASES[name]
    try:
        action(client, run_id, exp)
    except MlflowException as e:
        return e.error_code
    return "(no error)"


@pytest.mark.parametrize("name", CASES)
def test_error_code(backend, name):
    assert error_code(name) == CASES[name][1]


def test_changed_param_keeps_first_value(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("param")).info.run_id
    with pytest.raises(MlflowException):
        _changed_param(client, run_id, "")
    assert client.get_run(run_id).data.params == {"lr": "0.1"}
    if backend.native:
        assert backend.native.run(run_id)["params"] == {"lr": "0.1"}


def test_error_codes_equal_across_backends(both: dict[str, Backend]):
    codes = {}
    for backend_name, b in both.items():
        b.activate()
        codes[backend_name] = {name: error_code(name) for name in CASES}
    assert codes["runlens"] == codes["mlflow_server"]
