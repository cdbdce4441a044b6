"""get_metric_history returns exactly what was logged: values (NaN, ±inf, extremes), int64 steps
and timestamps (which protobuf's JSON carries as strings), repeated steps, and long series.

One exception, from the real server: MLflow's SQL store writes ±inf as ±DBL_MAX
(`SqlAlchemyStore._get_metric_value_details`), so a client reads ±1.7976931348623157e308 back.
An infinity may come back as itself or clamped that way; nothing else may change."""

import math
import sys
import time

from mlflow import MlflowClient
from mlflow.entities import Metric

T0 = 1_760_000_000_000

# (step, timestamp, value). Step 2**40 and the large timestamp only fit in int64.
POINTS = [
    (0, T0, 0.5),
    (1, T0 + 1, math.nan),
    (2, T0 + 2, math.inf),
    (3, T0 + 3, -math.inf),
    (3, T0 + 4, 0.25),  # a second value at the same step
    (5, T0 + 5, 1e-300),
    (8, T0 + 8, -1.5e308),
    (13, T0 + 13, 123456789.12345679),
    (2**40, 4_102_444_800_000, 42.0),  # year 2100
]


def key(value: float) -> str:
    """NaN != NaN, so values compare by their repr; ±DBL_MAX counts as the infinity it stands for."""
    value = float(value)
    if abs(value) == sys.float_info.max:
        value = math.copysign(math.inf, value)
    return repr(value)


def logged(points):
    return sorted((s, t, key(v)) for s, t, v in points)


def test_metric_history_keeps_every_value(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("history")).info.run_id
    for step, ts, value in POINTS:
        client.log_metric(run_id, "weird", value, timestamp=ts, step=step)

    history = client.get_metric_history(run_id, "weird")
    assert all(m.key == "weird" for m in history)
    assert logged((m.step, m.timestamp, m.value) for m in history) == logged(POINTS)
    # The run's latest value is the one at the highest step.
    assert client.get_run(run_id).data.metrics == {"weird": 42.0}

    if backend.native:
        series = backend.native.series(run_id, "weird")
        assert series["total"] == len(POINTS) and not series["downsampled"]
        wire = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
        got = zip(series["step"], series["timestamp"], (wire.get(v, v) for v in series["value"]))
        assert logged(got) == logged(POINTS)


def test_metric_history_of_2500_points(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("long")).info.run_id
    t0 = int(time.time() * 1000)
    points = [(s, t0 + s, math.sin(s / 100) * 1000) for s in range(2500)]
    client.log_batch(run_id, metrics=[Metric("sin", v, t, s) for s, t, v in points])

    history = client.get_metric_history(run_id, "sin")
    assert len(history) == 2500
    assert sorted((m.step, m.timestamp, m.value) for m in history) == points
    if backend.native:
        series = backend.native.series(run_id, "sin")
        assert series["total"] == 2500
        assert list(zip(series["step"], series["timestamp"], series["value"])) == points


def test_history_of_unknown_key_is_empty(backend):
    client = MlflowClient()
    run_id = client.create_run(backend.new_experiment("nokey")).info.run_id
    client.log_metric(run_id, "present", 1.0)
    assert client.get_metric_history(run_id, "absent") == []
