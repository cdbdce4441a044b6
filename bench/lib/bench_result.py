"""The runner's contract for Python benches (see bench/lib/result.ts, which defines the fields):
each figure is one stdout line `RESULT {json}`; everything else printed is for a person."""

from __future__ import annotations

import json
import os

QUICK = os.environ.get("BENCH_QUICK") == "1"


def report(area: str, name: str, value: float, unit: str, better: str = "higher",
           peer: tuple[str, float] | None = None, goal: dict | None = None, note: str | None = None) -> None:
    result: dict = {"area": area, "name": name, "value": value, "unit": unit, "better": better}
    if peer is not None:
        result["peer"] = {"name": peer[0], "value": peer[1]}
    if goal is not None:
        result["goal"] = goal
    if note is not None:
        result["note"] = note
    print("RESULT " + json.dumps(result), flush=True)
