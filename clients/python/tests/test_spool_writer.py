import json
from pathlib import Path

from conftest import read_jsonl

from runlens.run_record import RunRecord
from runlens.spool_sink import SpoolSink
from runlens.spool_writer import SpoolWriter


def test_a_spooled_run_is_a_run_folder_the_core_reads(tmp_path: Path) -> None:
    record = RunRecord("abc123", "exp", "first", 1764000000000, {"lr": 0.1}, {"t": "v"})
    sink = SpoolSink(tmp_path, record)
    folder = tmp_path / "abc123"
    assert json.loads((folder / "run.json").read_text()) == {
        "id": "abc123", "experiment": "exp", "name": "first", "status": "RUNNING",
        "startTime": 1764000000000, "endTime": None, "params": {"lr": 0.1}, "tags": {"t": "v"},
    }
    sink.send_points([{"key": "loss", "value": 1.0, "step": 0, "timestamp": 1}, {"key": "loss", "value": "NaN", "step": 1, "timestamp": 2}], 7)
    sink.sync()
    assert read_jsonl(folder / "metrics.jsonl") == [
        {"key": "loss", "value": 1.0, "step": 0, "timestamp": 1, "seq": 7},
        {"key": "loss", "value": "NaN", "step": 1, "timestamp": 2, "seq": 8},
    ]
    record.params["bs"] = 32
    sink.log_params({"bs": 32})
    assert json.loads((folder / "run.json").read_text())["params"] == {"lr": 0.1, "bs": 32}
    sink.add_input({"path": "/abs/data.csv", "context": "train"})
    sink.add_input({"digest": "sha256:00", "name": "df"})
    sink.add_model("models/net", "net")
    assert json.loads((folder / "inputs.json").read_text()) == [{"path": "/abs/data.csv", "context": "train"}, {"digest": "sha256:00", "name": "df"}]
    assert json.loads((folder / "outputs.json").read_text()) == [{"path": "artifacts/models/net", "kind": "model", "name": "net"}]
    sink.finish("FAILED")
    final = json.loads((folder / "run.json").read_text())
    assert final["status"] == "FAILED" and final["endTime"] >= final["startTime"]
    assert sorted(p.name for p in folder.iterdir()) == ["inputs.json", "metrics.jsonl", "outputs.json", "run.json"]


def test_metrics_lines_are_appended_across_writes_and_reopen(tmp_path: Path) -> None:
    writer = SpoolWriter(tmp_path / "r")
    writer.append_points([{"key": "a", "value": 1.0, "seq": 1}])
    writer.close()
    again = SpoolWriter(tmp_path / "r")
    again.append_points([{"key": "a", "value": 2.0, "seq": 2}])
    again.close()
    assert [p["seq"] for p in read_jsonl(tmp_path / "r" / "metrics.jsonl")] == [1, 2]


def test_artifacts_are_copied_under_the_folder(tmp_path: Path) -> None:
    src = tmp_path / "model.bin"
    src.write_bytes(b"\x00\x01")
    writer = SpoolWriter(tmp_path / "r")
    writer.copy_artifact(src, "models/m/model.bin")
    assert (tmp_path / "r" / "artifacts" / "models" / "m" / "model.bin").read_bytes() == b"\x00\x01"
