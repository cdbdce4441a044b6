"""TensorBoard's own load of one event folder, for bench/tensorboard-load.bench.ts: times
`EventAccumulator(path, size_guidance={'scalars': 0}).Reload()` (every scalar kept) and prints
one JSON line: {"seconds": …, "points": …, "tags": …}.

    .venv/bin/python bench/tensorboard_load.py <folder-with-event-files>
"""

from __future__ import annotations

import json
import sys
import time

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator


def main(path: str) -> None:
    t0 = time.perf_counter()
    acc = EventAccumulator(path, size_guidance={"scalars": 0})
    acc.Reload()
    seconds = time.perf_counter() - t0
    tags = acc.Tags()["scalars"]
    points = sum(len(acc.Scalars(t)) for t in tags)
    print(json.dumps({"seconds": seconds, "points": points, "tags": len(tags)}))


if __name__ == "__main__":
    main(sys.argv[1])
