"""Real notebooks in a real IPython kernel (nbclient + ipykernel, the `python3` kernel of this
venv), logging to a real `runlens serve`.

The kernel gets the environment Jupyter Server would give it: JPY_SESSION_NAME is the notebook's
path, which ipykernel exposes as `__session__`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from conftest import client_env

NOTEBOOK = Path(__file__).parent / "notebooks" / "train_sklearn.ipynb"


@pytest.fixture
def kernel_env(tmp_path, data, monkeypatch):
    """The kernel inherits this process's environment: the client's, pointed at `data`."""
    for key in [k for k in os.environ if k.startswith("RUNLENS_")]:
        monkeypatch.delenv(key)
    for key, value in client_env(tmp_path, RUNLENS_DATA=str(data)).items():
        monkeypatch.setenv(key, value)
    # `python3` is this venv's kernel (ipykernel installs its spec under sys.prefix), ahead of any
    # the machine or user has elsewhere.
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))


def execute(nb: nbformat.NotebookNode, path: Path, monkeypatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def html_of(cell) -> str:
    return "".join(o["data"]["text/html"] for o in cell["outputs"] if o.get("output_type") == "execute_result" and "text/html" in o["data"])


def run_link(html: str, server) -> str:
    """The run id the displayed run links to, checking the link goes to this server's run page."""
    m = re.search(r'href="([^"]+)"', html)
    assert m, html
    link = re.fullmatch(re.escape(server.url) + r"/?#/runs/([0-9A-Za-z_-]+)", m.group(1))
    assert link, f"{m.group(1)} is not a run page of {server.url}"
    return link.group(1)


def test_the_sklearn_notebook_logs_its_run(tmp_path, server, kernel_env, monkeypatch):
    path = tmp_path / NOTEBOOK.name
    shutil.copy(NOTEBOOK, path)
    nb = execute(nbformat.read(path, as_version=4), path, monkeypatch)

    run_id = run_link(html_of(nb.cells[-1]), server)
    run = server.run(run_id)
    assert (run["experiment"], run["name"], run["status"]) == ("notebook-sklearn", "sgd-iris", "FINISHED")
    assert {k: str(v) for k, v in run["params"].items()} == {
        "model.kind": "SGDClassifier", "model.loss": "log_loss", "model.alpha": "0.001", "model.learning_rate": "constant", "model.eta0": "0.01",
        "epochs": "20", "test_size": "0.25", "n_train": "112",
    }
    assert run["tags"]["dataset"] == "iris"
    assert run["tags"]["runlens.notebook"] == str(path)
    assert "runlens.command" not in run["tags"], "the kernel's argv is not the notebook's command"

    loss, accuracy = server.points(run_id, "train/loss"), server.points(run_id, "test/accuracy")
    assert [s for s, _ in loss] == list(range(20)) and [s for s, _ in accuracy] == list(range(20))
    # The notebook's last expression of the training cell is the final accuracy: the same value.
    final = float(next(o for o in nb.cells[4]["outputs"] if o.get("output_type") == "execute_result")["data"]["text/plain"])
    assert accuracy[-1][1] == pytest.approx(final)
    assert loss[-1][1] < loss[0][1], "SGD on iris learns"

    [iris] = server.io(run_id)["inputs"]
    assert (iris["name"], iris["context"]) == ("iris", "train")
    assert iris["digest"] == "sha256:" + hashlib.sha256((tmp_path / "iris.csv").read_bytes()).hexdigest()
    [version] = server.dataset_versions("iris")
    assert version["rows"] == 150 and len(version["columns"]) == 5


def test_rerunning_the_init_cell_finishes_the_previous_run(tmp_path, server, kernel_env, monkeypatch):
    init_cell = 'import runlens\nrun = runlens.init(experiment="cells", name="rerun")\nrunlens.log({"x": 1.0}, step=0)\nrun'
    nb = new_notebook(cells=[new_code_cell(init_cell), new_code_cell(init_cell), new_code_cell("run.finish(status='KILLED')\nrun")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "rerun.ipynb"
    execute(nb, path, monkeypatch)

    first, second, finished = (run_link(html_of(c), server) for c in nb.cells)
    assert first != second and finished == second
    assert server.run(first)["status"] == "FINISHED", "re-running init finished the previous run cleanly"
    assert server.run(second)["status"] == "KILLED"
    assert server.points(first, "x") == [(0, 1.0)] and server.points(second, "x") == [(0, 1.0)]
    assert server.run(second)["tags"]["runlens.notebook"] == str(path)


def test_interrupting_a_cell_kills_its_run_and_the_kernel_carries_on(tmp_path, server, kernel_env, monkeypatch):
    started = tmp_path / "kernel.pid"
    loop = (
        "with runlens.init(experiment=\"cells\", name=\"interrupted\") as run:\n"
        f"    pathlib.Path({str(started)!r}).write_text(str(os.getpid()))\n"
        "    i = 0\n"
        "    while True:\n"
        "        run.log({\"v\": float(i)}, step=i)\n"
        "        i += 1\n"
        "        if i % 100 == 0:\n"
        "            time.sleep(0.001)\n"
    )
    nb = new_notebook(cells=[new_code_cell("import os, pathlib, time\nimport runlens"), new_code_cell(loop), new_code_cell("run")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}

    def interrupt_once_looping() -> None:
        # What Jupyter's "interrupt the kernel" does: SIGINT to the kernel process.
        while not started.exists() or not started.read_text():
            time.sleep(0.05)
        time.sleep(0.5)
        os.kill(int(started.read_text()), signal.SIGINT)

    interrupter = threading.Thread(target=interrupt_once_looping, daemon=True)
    interrupter.start()
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "interrupt.ipynb"))
    NotebookClient(nb, kernel_name="python3", timeout=180, allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}).execute()

    [error] = [o for o in nb.cells[1]["outputs"] if o["output_type"] == "error"]
    assert error["ename"] == "KeyboardInterrupt"
    run_id = run_link(html_of(nb.cells[2]), server)  # the kernel is still there to display it
    assert server.run(run_id)["status"] == "KILLED"
    points = server.points(run_id, "v")
    assert points and points == [(i, float(i)) for i in range(len(points))], "a gapless prefix, nothing twice"
