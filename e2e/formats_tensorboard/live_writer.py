"""Keeps logging to a TensorBoard run the way a training loop does, for the live-watch test.

    python live_writer.py <run-folder> <steps> <seconds-between-steps>

Flushes after every step so each step reaches the file; prints `step N` once it has.
"""

from __future__ import annotations

import math
import sys
import time

from tensorboardX import SummaryWriter


def main(folder: str, steps: int, pause: float) -> None:
    with SummaryWriter(folder, flush_secs=3600) as w:
        for step in range(steps):
            w.add_scalar("loss", math.exp(-step / 50), step)
            w.add_scalar("grad_norm", math.nan if step % 17 == 16 else 1 / (step + 1), step)
            w.flush()
            print(f"step {step}", flush=True)
            time.sleep(pause)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
