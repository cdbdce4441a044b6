"""Artifacts through the server's mlflow-artifacts proxy: upload with log_artifact / log_dict /
log_text / log_figure, list, download, and compare bytes."""

import filecmp
import json

import mlflow
import pytest
from mlflow import MlflowClient

TEXT = "hello runlens\nünïcödé ✓\n"
BLOB = bytes(range(256)) * 64


@pytest.fixture
def logged_run(backend, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "notes.txt").write_text(TEXT, encoding="utf-8")
    (src / "blob.bin").write_bytes(BLOB)
    figure = None
    with mlflow.start_run(experiment_id=backend.new_experiment("artifacts")) as run:
        mlflow.log_artifact(str(src / "notes.txt"))
        mlflow.log_artifact(str(src / "blob.bin"))
        mlflow.log_artifact(str(src / "notes.txt"), artifact_path="deep/er/path")
        mlflow.log_dict({"a": 1, "b": [1, 2], "c": {"d": None}}, "config/params.json")
        mlflow.log_text(TEXT, "texts/readme.txt")
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            pass  # matplotlib comes with mlflow; without it only log_figure goes untested
        else:
            figure, ax = plt.subplots()
            ax.plot([0, 1, 2], [2, 1, 3])
            mlflow.log_figure(figure, "plots/curve.png")
            plt.close(figure)
    return run.info.run_id, src, figure is not None


def test_list_artifacts(logged_run):
    run_id, _, has_figure = logged_run
    client = MlflowClient()
    top = {(f.path, f.is_dir) for f in client.list_artifacts(run_id)}
    expected = {("notes.txt", False), ("blob.bin", False), ("deep", True), ("config", True), ("texts", True)}
    assert top == expected | ({("plots", True)} if has_figure else set())
    sizes = {f.path: f.file_size for f in client.list_artifacts(run_id) if not f.is_dir}
    assert sizes == {"notes.txt": len(TEXT.encode()), "blob.bin": len(BLOB)}
    assert [(f.path, f.is_dir) for f in client.list_artifacts(run_id, "deep")] == [("deep/er", True)]
    assert [(f.path, f.file_size) for f in client.list_artifacts(run_id, "deep/er/path")] == [
        ("deep/er/path/notes.txt", len(TEXT.encode()))
    ]
    assert client.list_artifacts(run_id, "no/such/dir") == []


def test_download_artifacts_round_trip(logged_run, tmp_path):
    run_id, src, has_figure = logged_run
    out = mlflow.artifacts.download_artifacts(run_id=run_id, dst_path=str(tmp_path / "all"))
    assert filecmp.cmp(src / "notes.txt", f"{out}/notes.txt", shallow=False)
    assert filecmp.cmp(src / "blob.bin", f"{out}/blob.bin", shallow=False)
    assert filecmp.cmp(src / "notes.txt", f"{out}/deep/er/path/notes.txt", shallow=False)
    assert json.loads(open(f"{out}/config/params.json").read()) == {"a": 1, "b": [1, 2], "c": {"d": None}}
    assert open(f"{out}/texts/readme.txt", encoding="utf-8").read() == TEXT
    if has_figure:
        assert open(f"{out}/plots/curve.png", "rb").read(8) == b"\x89PNG\r\n\x1a\n"

    one = MlflowClient().download_artifacts(run_id, "deep/er/path/notes.txt", str(tmp_path / "one"))
    assert open(one, encoding="utf-8").read() == TEXT
    assert mlflow.artifacts.load_dict(f"runs:/{run_id}/config/params.json") == {"a": 1, "b": [1, 2], "c": {"d": None}}
    assert mlflow.artifacts.load_text(f"runs:/{run_id}/texts/readme.txt") == TEXT


def test_artifact_uri_is_served_by_the_tracking_server(logged_run):
    run_id, _, _ = logged_run
    uri = MlflowClient().get_run(run_id).info.artifact_uri
    assert uri.startswith("mlflow-artifacts:/") and uri.endswith(f"/{run_id}/artifacts")
