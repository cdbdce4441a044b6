"""log_input: a pandas dataset with its context tag comes back in run.inputs.dataset_inputs."""

import json

import mlflow
import mlflow.data
import pandas as pd
from mlflow import MlflowClient


def test_log_input_round_trips_dataset(backend, tmp_path):
    train_df = pd.DataFrame({"x": [1.0, 2.0, 3.0], "label": [0, 1, 0]})
    eval_df = pd.DataFrame({"x": [4.0], "label": [1]})
    train_df.to_csv(tmp_path / "train.csv", index=False)
    train = mlflow.data.from_pandas(train_df, source=str(tmp_path / "train.csv"), name="train", targets="label")
    evaluation = mlflow.data.from_pandas(eval_df, source=str(tmp_path / "eval.csv"), name="eval")

    with mlflow.start_run(experiment_id=backend.new_experiment("datasets")) as run:
        mlflow.log_input(train, context="training")
        mlflow.log_input(evaluation, context="evaluation")

    inputs = MlflowClient().get_run(run.info.run_id).inputs.dataset_inputs
    by_name = {i.dataset.name: i for i in inputs}
    assert sorted(by_name) == ["eval", "train"]
    for logged, context in [(train, "training"), (evaluation, "evaluation")]:
        got = by_name[logged.name]
        want = logged._to_mlflow_entity()
        assert (got.dataset.name, got.dataset.digest) == (want.name, want.digest)
        assert got.dataset.source_type == want.source_type == "local"
        assert json.loads(got.dataset.source) == json.loads(want.source)
        assert json.loads(got.dataset.schema) == json.loads(want.schema)
        assert json.loads(got.dataset.profile) == json.loads(want.profile)
        assert {(t.key, t.value) for t in got.tags} == {("mlflow.data.context", context)}

    loaded = mlflow.data.get_source(by_name["train"].dataset).load()
    assert pd.read_csv(loaded).equals(train_df)
