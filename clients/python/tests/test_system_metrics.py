import threading
from typing import Dict, List, Tuple

import pytest

from runlens.system_metrics import SystemMetrics


def test_cpu_and_memory_are_sampled_as_metrics_with_whole_second_steps() -> None:
    pytest.importorskip("psutil")
    logged: List[Tuple[Dict[str, float], int]] = []
    got = threading.Event()

    def log(values: Dict[str, float], step: int) -> None:
        logged.append((values, step))
        got.set()

    sampler = SystemMetrics(log, interval=0.01)
    assert got.wait(30)
    sampler.stop()
    values, step = logged[0]
    assert {"system/cpu_percent", "system/memory_percent"} <= set(values)
    assert all(0 <= v <= 100 for k, v in values.items() if k.endswith("_percent"))
    assert isinstance(step, int) and step >= 0


def test_init_with_system_metrics_logs_them_on_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psutil")
    import functools
    import json
    import time

    import runlens
    import runlens.run

    monkeypatch.setattr(runlens.run, "SystemMetrics", functools.partial(SystemMetrics, interval=0.01))
    run = runlens.init(system_metrics=True)
    assert run.folder is not None
    keys: set = set()  # type: ignore[type-arg]
    deadline = time.monotonic() + 30
    while "system/cpu_percent" not in keys and time.monotonic() < deadline:
        run.flush()
        text = (run.folder / "metrics.jsonl").read_text() if (run.folder / "metrics.jsonl").exists() else ""
        keys = {json.loads(line)["key"] for line in text.splitlines()}
    run.finish()
    assert {"system/cpu_percent", "system/memory_percent"} <= keys
