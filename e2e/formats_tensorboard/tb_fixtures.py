"""Event folders written by the real tensorboardX SummaryWriter (and TF2-style tensor scalars
built with tensorboard's own proto helpers), the way training scripts write them."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from tensorboard.compat.proto import summary_pb2 as tb_summary_pb2
from tensorboard.plugins.scalar import metadata as scalar_metadata
from tensorboard.util import tensor_util
from tensorboardX import SummaryWriter
from tensorboardX.proto import summary_pb2 as tbx_summary_pb2

HPARAMS = {"lr": 0.001, "batch_size": 32, "optimizer": "adam", "augment": True}
SPECIAL = [math.nan, math.inf, -math.inf, -0.0, 3.4e38, 1e-45, -2.5]
SPARSE_STEPS = [0, 7, 10**6, 10**9, 2**40, 2**52 + 1]


def write_all(logdir: Path) -> None:
    """logdir/
         run_a/train   loss, acc (300 steps), special values, a sparse huge-step series
         run_a/train/losses/{train,val}   add_scalars (one folder per scalar, as tensorboardX does)
         run_a/train/hp   add_hparams: the hparams session and its metric
         run_a/eval    acc every 10 steps
         run_b         two event files, written one after the other (steps 0-99, then 100-199)
         tf2_style     rank-0 tensor scalars of several dtypes, metadata on the first value only
    """
    train = logdir / "run_a" / "train"
    with SummaryWriter(str(train)) as w:
        for step in range(300):
            w.add_scalar("loss", math.exp(-step / 100) + 0.01 * math.sin(step), step)
            w.add_scalar("acc", 1 - math.exp(-step / 80), step)
            w.add_scalars("losses", {"train": 1 / (step + 1), "val": 1.1 / (step + 1)}, step)
        for i, v in enumerate(SPECIAL):
            w.add_scalar("special", v, i)
        for i, step in enumerate(SPARSE_STEPS):
            w.add_scalar("sparse", float(i), step)
        w.add_hparams(HPARAMS, {"hparam/final_acc": 0.93}, name="hp", global_step=299)
    with SummaryWriter(str(logdir / "run_a" / "eval")) as w:
        for step in range(0, 300, 10):
            w.add_scalar("acc", 0.9 - math.exp(-step / 60), step)
    run_b = logdir / "run_b"
    for part, steps in enumerate([range(100), range(100, 200)]):
        with SummaryWriter(str(run_b), filename_suffix=f".{part}") as w:
            for step in steps:
                w.add_scalar("loss", 2.0 / (step + 1), step)
    write_tensor_scalars(logdir / "tf2_style")


TENSOR_DTYPES = {"f32": np.float32, "f64": np.float64, "f16": np.float16, "i32": np.int32, "i64": np.int64}


def write_tensor_scalars(folder: Path) -> None:
    """Scalars as TF2 writes them: a rank-0 tensor per value, the `scalars` plugin's metadata on
    each tag's first value only; plus an image-like tag (another plugin) that must be skipped."""
    with SummaryWriter(str(folder)) as w:
        for step in range(50):
            values = []
            for name, dtype in TENSOR_DTYPES.items():
                v = tb_summary_pb2.Summary.Value(tag=f"t/{name}", tensor=tensor_util.make_tensor_proto(np.array(step * 1.5 - 10, dtype=dtype)))
                if step == 0:
                    v.metadata.CopyFrom(scalar_metadata.create_summary_metadata(display_name="", description=""))
                values.append(v)
            other = tb_summary_pb2.Summary.Value(tag="not/a/scalar", tensor=tensor_util.make_tensor_proto(np.array(float(step), dtype=np.float32)))
            if step == 0:
                other.metadata.plugin_data.plugin_name = "images"
            values.append(other)
            summary = tb_summary_pb2.Summary(value=values)
            w.file_writer.add_summary(tbx_summary_pb2.Summary.FromString(summary.SerializeToString()), global_step=step)
