"""`runlens serve --watch` on a store while the real mlflow package keeps writing to it."""

from __future__ import annotations

import subprocess

from conftest import log_with_mlflow
from mlflow_truth import check_run, check_store, read_truth
from runlens_proc import runlens_serve


def test_watch_imports_then_tails_a_live_run(store_copy, tmp_path):
    truth = read_truth(store_copy)
    with runlens_serve(tmp_path / "data", store_copy.folder) as rl:
        check_store(rl, truth, store_copy)

        control = tmp_path / "control"
        control.mkdir()
        logger = log_with_mlflow(store_copy, "--live", str(control), stdout=subprocess.PIPE, stderr=open(tmp_path / "logger.log", "wb"), text=True)
        try:
            run_id = logger.stdout.readline().strip()
            assert run_id, (tmp_path / "logger.log").read_text()

            def live_state():
                run = rl.run(run_id)
                return (run["status"], run["metrics"][0]["count"] if run["metrics"] else 0)

            # The logger holds here until told to go on: the points must arrive while it runs.
            rl.wait_for("the first 10 live points", live_state, ("RUNNING", 10))
            (control / "proceed").touch()
            rl.wait_for("all 20 live points and the run's end", live_state, ("FINISHED", 20))
            assert logger.wait(timeout=60) == 0, (tmp_path / "logger.log").read_text()
        finally:
            if logger.poll() is None:
                logger.kill()

        after = read_truth(store_copy)
        rl.wait_for("the live run's end time", lambda: rl.run(run_id)["endTime"], after.runs[run_id].info.end_time)
        check_run(rl, after, store_copy, run_id)

        log_with_mlflow(store_copy, "--delete-experiment", "import-e2e-live")
        deleted = read_truth(store_copy)
        rl.wait_for("the deleted experiment's run", lambda: check_quietly(rl, deleted, store_copy, run_id))
        if store_copy.kind == "file-store":
            assert "/.trash/" in rl.run(run_id)["sourcePath"]


def check_quietly(rl, truth, store, run_id) -> bool:
    """check_run as a probe: the watcher may not have caught up yet."""
    try:
        check_run(rl, truth, store, run_id)
    except AssertionError:
        return False
    return True
