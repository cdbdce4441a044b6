"""Logs a training run with the real dvclive.Live into a folder (run as a separate process).

    log_dvclive.py DIR full              params, metrics over 4 steps (NaN, inf, nested names,
                                         a timestamped metric, a summary-only metric), end()
    log_dvclive.py DIR live GO N1 N2     N1 steps, then waits for the file GO, N2 more, end()
"""

import math
import sys
import time
from pathlib import Path

from dvclive import Live

LOSS = [0.9, float("nan"), 0.5, 0.25]
ACC = [0.1, 0.4, float("inf"), 0.8]
VAL = [1.5, 1.25, float("-inf"), 0.75]


def full(folder: Path) -> None:
    live = Live(str(folder), save_dvc_exp=False)
    live.log_params({"lr": 0.01, "optimizer": {"name": "sgd", "momentum": 0.9}, "epochs": 4, "layers": [64, 32], "use_bn": True})
    for step in range(4):
        live.log_metric("loss", LOSS[step])
        live.log_metric("train/acc", ACC[step])
        live.log_metric("val/deep/loss", VAL[step], timestamp=True)
        live.next_step()
    live.log_metric("test/score", 0.77, plot=False)
    live.end()


def live_mode(folder: Path, go: Path, first: int, second: int) -> None:
    live = Live(str(folder), save_dvc_exp=False)
    live.log_param("mode", "live")
    for step in range(first + second):
        if step == first:
            deadline = time.monotonic() + 120
            while not go.exists():
                if time.monotonic() > deadline:
                    sys.exit("timed out waiting for the go file")
                time.sleep(0.05)
        live.log_metric("loss", math.exp(-step / 10), timestamp=True)
        live.next_step()
        time.sleep(0.02)
    live.end()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if sys.argv[2] == "full":
        full(target)
    else:
        live_mode(target, Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
