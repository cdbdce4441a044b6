"""A plain script's run is finished at exit, with the status its end deserves."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import os, signal, runlens
run = runlens.init(experiment="script")
for i in range(10):
    run.log({{"x": i}}, step=i)
print(run.folder, flush=True)
{ending}
"""


@pytest.mark.parametrize(
    "ending, status, code",
    [
        ("", "FINISHED", 0),
        ("raise RuntimeError('boom')", "FAILED", 1),
        ("raise KeyboardInterrupt", "KILLED", 1),
        ("os.kill(os.getpid(), signal.SIGINT)", "KILLED", 1),  # a real Ctrl-C arrives as SIGINT
    ],
)
def test_the_run_is_finished_at_exit_with_every_point(ending: str, status: str, code: int, data_dir: Path) -> None:
    env = dict(os.environ, RUNLENS_DATA=str(data_dir))
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(ending=ending)], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode != 0 if code else out.returncode == 0, out.stderr
    folder = Path(out.stdout.strip().splitlines()[0])
    assert json.loads((folder / "run.json").read_text())["status"] == status
    assert [json.loads(line)["seq"] for line in (folder / "metrics.jsonl").read_text().splitlines()] == list(range(1, 11))
