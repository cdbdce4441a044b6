"""What TensorBoard itself reads from a run folder: EventAccumulator with every point kept."""

from __future__ import annotations

from pathlib import Path

from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.util import tensor_util

SKIPPED_PLUGINS = {"images", "hparams"}


def read_run(folder: Path) -> dict[str, list[tuple[int, float, float]]]:
    """tag -> [(step, wall_time, value)] in file order: simple_value scalars, and single-value
    tensors of the scalars plugin (EventAccumulator keeps those apart, as tensors)."""
    acc = EventAccumulator(str(folder), size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    out = {tag: [(e.step, e.wall_time, e.value) for e in acc.Scalars(tag)] for tag in acc.Tags()["scalars"]}
    try:
        scalar_tags = set(acc.PluginTagToContent("scalars"))
    except KeyError:
        scalar_tags = set()
    for tag in acc.Tags()["tensors"]:
        if tag not in scalar_tags:
            continue
        out[tag] = [(e.step, e.wall_time, float(tensor_util.make_ndarray(e.tensor_proto).item())) for e in acc.Tensors(tag)]
    return out


def run_folders(logdir: Path) -> list[Path]:
    """Every folder holding an event file, as TensorBoard's multiplexer finds runs."""
    return sorted({p.parent for p in logdir.rglob("*tfevents*") if p.is_file()})
