"""Optional system metrics: CPU and memory (psutil) and GPU utilisation (pynvml), sampled every
10 s on a thread and logged as ordinary metrics with step = whole seconds since the run started."""

import threading
import time
import warnings
from typing import Any, Callable, Dict, List, Optional

INTERVAL = 10.0
Sample = Callable[[], Dict[str, float]]


def samplers() -> List[Sample]:
    """What this machine can measure: psutil and pynvml when importable, nothing otherwise."""
    found: List[Sample] = []
    try:
        import psutil
    except ImportError:
        warnings.warn("runlens: system_metrics needs psutil (pip install 'runlens[system]'); none are recorded", stacklevel=3)
        return found
    psutil.cpu_percent(None)  # the first call only starts the measuring window
    found.append(lambda: {"system/cpu_percent": float(psutil.cpu_percent(None)), "system/memory_percent": float(psutil.virtual_memory().percent)})
    gpu = _gpu_sampler()
    if gpu is not None:
        found.append(gpu)
    return found


def _gpu_sampler() -> Optional[Sample]:
    try:
        import pynvml

        pynvml.nvmlInit()
        handles: List[Any] = [pynvml.nvmlDeviceGetHandleByIndex(i) for i in range(pynvml.nvmlDeviceGetCount())]
    except Exception:  # noqa: BLE001 — no pynvml, no driver or no GPU: nothing to sample
        return None
    return lambda: {f"system/gpu{i}_utilization": float(pynvml.nvmlDeviceGetUtilizationRates(h).gpu) for i, h in enumerate(handles)}


class SystemMetrics:
    """A daemon thread calling `log(values, step)` every `interval` seconds until stop()."""

    def __init__(self, log: Callable[[Dict[str, float], int], None], interval: float = INTERVAL) -> None:
        self._log = log
        self._interval = interval
        self._samplers = samplers()
        self._stop = threading.Event()
        self._start = time.time()
        self._thread = threading.Thread(target=self._loop, name="runlens-system-metrics", daemon=True)
        if self._samplers:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            values: Dict[str, float] = {}
            for sample in self._samplers:
                try:
                    values.update(sample())
                except Exception:  # noqa: BLE001 — a sensor that fails once is skipped this round
                    continue
            if values:
                self._log(values, int(time.time() - self._start))
