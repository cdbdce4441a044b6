"""Runlens only: the MLflow routes sit behind the same token as the native API, and the client
passes it as MLFLOW_TRACKING_TOKEN (Authorization: Bearer). A real mlflow server runs without
auth here, so there is nothing to compare with."""

import os

import pytest
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException

from backends import Backend


@pytest.fixture
def runlens_backend(runlens) -> Backend:
    b = Backend(runlens)
    b.activate()
    yield b
    b.activate()


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_runlens_refuses_client_without_the_token(runlens_backend, token):
    if token is None:
        os.environ.pop("MLFLOW_TRACKING_TOKEN", None)
    else:
        os.environ["MLFLOW_TRACKING_TOKEN"] = token
    with pytest.raises(MlflowException) as refused:
        MlflowClient().search_experiments()
    assert refused.value.error_code == "UNAUTHENTICATED"
    with pytest.raises(MlflowException):
        MlflowClient().create_experiment("never-created")
    runlens_backend.activate()
    assert MlflowClient().get_experiment_by_name("never-created") is None
