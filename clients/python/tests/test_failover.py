"""Protocol 3: the run moves to the spool from the first point the server did not acknowledge."""

import json
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest
from conftest import points_of, read_jsonl

import runlens


def serve_runs(fail_after_logs: Optional[int]) -> Tuple[Any, List[Dict[str, Any]]]:
    """A stub of the native API that acknowledges `fail_after_logs` point batches, then drops every connection."""
    acked: List[Dict[str, Any]] = []
    lock = threading.Lock()

    def reply(method: str, path: str, body: Any) -> Optional[Tuple[int, Dict[str, Any]]]:
        if path == "/api/v1/runs":
            return 201, {"run": {"id": "srv1", "experiment": body.get("experiment", "Default"), "name": "given", "startTime": 1764000000000}}
        with lock:
            if path.endswith("/log") and points_of(body) is not None:
                if fail_after_logs is not None and sum(1 for a in acked if "columns" in a) >= fail_after_logs:
                    return None
                acked.append(body)
                return 200, {"accepted": len(points_of(body) or []), "skipped": 0}
            if fail_after_logs is not None and sum(1 for a in acked if "columns" in a) >= fail_after_logs:
                return None
            acked.append({"path": path, "body": body})
        return 200, {}

    return reply, acked


def test_points_go_over_http_numbered_with_first_seq(stub_server: Any, monkeypatch: Any) -> None:
    reply, acked = serve_runs(None)
    monkeypatch.setenv("RUNLENS_URL", stub_server(reply).url)
    run = runlens.init(experiment="e")
    for i in range(12_000):
        run.log({"x": i}, step=i)
    run.finish()
    batches = [a for a in acked if "columns" in a]  # points go as columns, never as objects
    assert not [a for a in acked if "metrics" in a]
    sizes = [len(b["columns"]["key"]) for b in batches]
    assert [b["firstSeq"] for b in batches] == [1 + sum(sizes[:i]) for i in range(len(batches))]
    assert max(sizes) <= 5000
    assert [p["step"] for b in batches for p in points_of(b) or []] == list(range(12_000))
    assert {k for b in batches for k in b["columns"]["keys"]} == {"x"}
    assert run.folder is None and run.url is not None and run.url.endswith("#/runs/srv1")
    assert acked[-1]["path"] == "/api/v1/runs/srv1/finish" and acked[-1]["body"] == {"status": "FINISHED"}


def test_when_the_server_stops_answering_the_rest_goes_to_the_spool_with_its_numbers(stub_server: Any, monkeypatch: Any, data_dir: Path) -> None:
    reply, acked = serve_runs(1)
    monkeypatch.setenv("RUNLENS_URL", stub_server(reply).url)
    run = runlens.init(experiment="e", name="given", config={"lr": 0.1})
    run.log({"x": 0}, step=0)
    run.flush()  # batch 1 acknowledged
    for i in range(1, 8):
        run.log({"x": i}, step=i)
    with pytest.warns(UserWarning, match="stopped answering"):
        run.flush()  # batch 2 gets no answer: written to the folder
    run.set_tags({"after": "switch"})
    run.log({"x": 8}, step=8)
    run.finish("FINISHED")
    folder = data_dir / "spool" / "srv1"
    assert run.folder == folder
    assert [(p["seq"], p["step"]) for p in read_jsonl(folder / "metrics.jsonl")] == [(i + 1, i) for i in range(1, 9)]
    meta = json.loads((folder / "run.json").read_text())
    assert (meta["id"], meta["experiment"], meta["name"], meta["status"], meta["startTime"]) == ("srv1", "e", "given", "FINISHED", 1764000000000)
    assert meta["params"] == {"lr": 0.1} and meta["tags"]["after"] == "switch" and "runlens.python" in meta["tags"]


def test_without_a_server_the_run_is_spooled_from_the_start_under_its_own_id(data_dir: Path) -> None:
    run = runlens.init(experiment="offline", name="n")
    run.log({"x": 1.0}, step=0)
    run.finish()
    assert run.url is None and run.folder is not None and run.folder.parent == data_dir / "spool"
    assert len(run.id) == 32 and int(run.id, 16) >= 0
    assert json.loads((run.folder / "run.json").read_text())["id"] == run.id
    assert (run.folder / "artifacts" / "runlens" / "requirements.txt").exists()


def test_a_batch_the_server_refuses_is_reported_and_raised_at_the_next_call(stub_server: Any, monkeypatch: Any) -> None:
    def reply(method: str, path: str, body: Any) -> Tuple[int, Dict[str, Any]]:
        if path == "/api/v1/runs":
            return 201, {"run": {"id": "gone", "experiment": "Default", "name": "n", "startTime": 1}}
        if path.endswith("/log"):
            return 404, {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "run gone does not exist"}
        return 200, {}

    monkeypatch.setenv("RUNLENS_URL", stub_server(reply).url)
    run = runlens.init()
    run.log({"x": 1.0}, step=0)
    with pytest.warns(UserWarning, match="1 point"):
        with pytest.raises(runlens.RunlensError, match="1 point.*RESOURCE_DOES_NOT_EXIST"):
            run.flush()
    run.log({"x": 2.0}, step=1)  # the error was raised once; logging goes on
    with pytest.warns(UserWarning, match="1 point"):
        with pytest.raises(runlens.RunlensError, match="1 point"):
            run.finish()  # that batch is refused too: finish ends the run, then says so
    assert run.status == "FINISHED"


def test_an_error_while_ending_a_run_does_not_hide_the_blocks_exception_or_stop_the_next_init(stub_server: Any, monkeypatch: Any) -> None:
    def reply(method: str, path: str, body: Any) -> Tuple[int, Dict[str, Any]]:
        if path == "/api/v1/runs":
            return 201, {"run": {"id": "gone", "experiment": "Default", "name": "n", "startTime": 1}}
        if path.endswith("/log") and points_of(body) is not None:
            return 404, {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "run gone does not exist"}
        return 200, {}

    monkeypatch.setenv("RUNLENS_URL", stub_server(reply).url)
    with pytest.warns(UserWarning, match="refused"):
        with pytest.raises(ZeroDivisionError):
            with runlens.init() as run:
                run.log({"x": 1.0})
                raise ZeroDivisionError("boom")
    assert run.status == "FAILED"
    first = runlens.init()
    first.log({"x": 1.0})
    with pytest.warns(UserWarning, match="refused"):
        second = runlens.init()  # a re-run cell: the previous run's refusal is a warning
    assert first.status == "FINISHED" and runlens.current_run() is second
    second.finish()
