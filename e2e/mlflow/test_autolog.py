"""mlflow.sklearn.autolog end to end: params, training metrics, datasets, and a logged model
(MLflow 3: a LoggedModel with its own artifacts, linked to the run) that loads back and predicts
what the trained model predicts."""

import mlflow
import mlflow.sklearn
import numpy as np
import pytest
from mlflow import MlflowClient
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression


@pytest.fixture
def autolog():
    mlflow.sklearn.autolog(log_input_examples=False, log_model_signatures=True, silent=True)
    yield
    mlflow.sklearn.autolog(disable=True)


def test_sklearn_autolog(backend, autolog):
    exp = backend.new_experiment("autolog")
    X, y = load_iris(return_X_y=True)
    with mlflow.start_run(experiment_id=exp) as run:
        model = LogisticRegression(C=0.5, max_iter=300).fit(X, y)
    client = MlflowClient()
    got = client.get_run(run.info.run_id)

    assert got.info.status == "FINISHED"
    assert got.data.params["C"] == "0.5" and got.data.params["max_iter"] == "300"
    metrics = got.data.metrics
    assert {"training_accuracy_score", "training_f1_score", "training_log_loss", "training_score"} <= metrics.keys()
    # Not model.score(): with autolog on, that call logs one more metric to the run.
    assert metrics["training_accuracy_score"] == pytest.approx(np.mean(model.predict(X) == y))
    assert got.data.tags["estimator_name"] == "LogisticRegression"
    assert got.inputs.dataset_inputs, "autolog logs the training set as a dataset input"

    models = mlflow.search_logged_models(experiment_ids=[exp], output_format="list")
    assert [m.source_run_id for m in models] == [run.info.run_id]
    assert [o.model_id for o in got.outputs.model_outputs] == [models[0].model_id]
    loaded = mlflow.sklearn.load_model(f"models:/{models[0].model_id}")
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))

    if backend.native:
        native = backend.native.run(run.info.run_id)
        assert native["status"] == "FINISHED"
        assert native["params"] == got.data.params
        assert {m["key"]: m["last"] for m in native["metrics"]} == client.get_run(run.info.run_id).data.metrics
