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
    count = len(logged)
    assert len(logged) == count  # stopped: no sample after stop() returned
