"""The Run API end to end on a spooled run (the folder is what the core ingests)."""

import json
from pathlib import Path

import pytest
from conftest import read_jsonl

import runlens


def run_json(run: runlens.Run) -> dict:  # type: ignore[type-arg]
    assert run.folder is not None
    return json.loads((run.folder / "run.json").read_text())


def test_params_are_immutable_tags_are_not() -> None:
    run = runlens.init(config={"lr": 0.1})
    run.log_params({"lr": 0.1, "bs": 32})
    with pytest.raises(runlens.RunlensError, match="'lr' is already 0.1"):
        run.log_params({"lr": 0.2})
    run.set_tags({"stage": "a"})
    run.set_tags({"stage": "b", "n": 3})
    run.finish()
    meta = run_json(run)
    assert meta["params"] == {"lr": 0.1, "bs": 32}
    assert meta["tags"]["stage"] == "b" and meta["tags"]["n"] == "3"


def test_one_liners_log_on_the_current_run() -> None:
    with pytest.raises(runlens.RunlensError, match="no current run"):
        runlens.log({"x": 1})
    run = runlens.init()
    runlens.log({"x": 1.0}, step=5)
    runlens.finish()
    assert runlens.current_run() is None and run.status == "FINISHED"
    assert run.folder is not None
    assert [(p["key"], p["value"], p["step"], p["seq"]) for p in read_jsonl(run.folder / "metrics.jsonl")] == [("x", 1.0, 5, 1)]
    with pytest.raises(runlens.RunlensError, match="finished"):
        run.log({"x": 2.0})


@pytest.mark.parametrize("error, status", [(ValueError, "FAILED"), (KeyboardInterrupt, "KILLED")])
def test_an_exception_in_the_with_block_ends_the_run_with_its_status(error: type, status: str) -> None:
    with pytest.raises(error):
        with runlens.init() as run:
            run.log({"x": 1.0})
            raise error()
    assert run.status == status and run_json(run)["status"] == status
    assert len(read_jsonl(run.folder / "metrics.jsonl")) == 1  # type: ignore[operator]


def test_a_clean_with_block_finishes() -> None:
    with runlens.init() as run:
        pass
    assert run_json(run)["status"] == "FINISHED" and run_json(run)["endTime"] is not None


def test_init_again_finishes_the_previous_run_as_a_rerun_cell_would() -> None:
    first = runlens.init(name="cell")
    second = runlens.init(name="cell")
    assert first.status == "FINISHED" and run_json(first)["status"] == "FINISHED"
    assert runlens.current_run() is second and second.status == "RUNNING"


def test_artifacts_and_models_keep_their_names(tmp_path: Path) -> None:
    (tmp_path / "plot.png").write_bytes(b"png")
    model = tmp_path / "net"
    (model / "sub").mkdir(parents=True)
    (model / "MLmodel").write_text("flavors: {}")
    (model / "sub" / "weights.bin").write_bytes(b"w")
    run = runlens.init()
    run.log_artifact(tmp_path / "plot.png")
    run.log_artifact(str(tmp_path / "plot.png"), artifact_path="figures/epoch1")
    run.log_model(model, name="classifier")
    with pytest.raises(runlens.RunlensError, match="relative"):
        run.log_artifact(tmp_path / "plot.png", artifact_path="../out")
    run.finish()
    folder = run.folder
    assert folder is not None
    files = sorted(p.relative_to(folder / "artifacts").as_posix() for p in (folder / "artifacts").rglob("*") if p.is_file())
    assert files == ["figures/epoch1/plot.png", "models/net/MLmodel", "models/net/sub/weights.bin", "plot.png", "runlens/requirements.txt"]
    assert json.loads((folder / "outputs.json").read_text()) == [{"path": "artifacts/models/net", "kind": "model", "name": "classifier"}]


def test_datasets_by_path_are_absolute_and_frames_carry_digest_schema_and_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pd = pytest.importorskip("pandas")
    (tmp_path / "train.csv").write_text("a,b\n1,x\n")
    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"n": [1, 2], "f": [0.5, 1.5], "ok": [True, False], "s": ["a", "b"], "t": pd.to_datetime(["2024-01-01", "2024-01-02"])})
    run = runlens.init()
    run.log_dataset("train.csv", context="train")
    run.log_dataset(frame, name="features", context="eval")
    with pytest.raises(runlens.RunlensError, match="does not exist"):
        run.log_dataset("missing.csv")
    with pytest.raises(runlens.RunlensError, match="path or a pandas DataFrame"):
        run.log_dataset(42)
    run.finish()
    assert run.folder is not None
    inputs = json.loads((run.folder / "inputs.json").read_text())
    import hashlib

    assert inputs[0] == {"path": str(tmp_path / "train.csv"), "context": "train"}
    assert inputs[1] == {
        "digest": "sha256:" + hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest(),
        "name": "features",
        "context": "eval",
        "rows": 2,
        "schema": [{"name": "n", "type": "int64"}, {"name": "f", "type": "double"}, {"name": "ok", "type": "bool"}, {"name": "s", "type": "string"}, {"name": "t", "type": "timestamp"}],
    }


def test_repr_links_to_the_run_page_or_says_where_it_is_spooled(stub_server: object, monkeypatch: pytest.MonkeyPatch) -> None:
    offline = runlens.init(name="<b>")
    assert "spooled in" in repr(offline) and offline.id in repr(offline)
    assert "&lt;b&gt;" in offline._repr_html_() and "appears when Runlens starts" in offline._repr_html_()
    server = stub_server(lambda m, p, b: (201, {"run": {"id": "r9", "experiment": "Default", "name": "n", "startTime": 1}}) if p == "/api/v1/runs" else (200, {}))  # type: ignore[operator]
    monkeypatch.setenv("RUNLENS_URL", server.url)
    online = runlens.init()
    assert repr(online) == f"<runlens.Run r9 RUNNING: {server.url}#/runs/r9>"
    assert f'href="{server.url}#/runs/r9"' in online._repr_html_()
    online.finish()
