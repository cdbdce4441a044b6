"""The native log route's columnar body as the client builds it."""

import math

from runlens.http_sink import to_columns


def test_points_become_columns_with_keys_indexed_in_first_seen_order() -> None:
    points = [
        {"key": "loss", "value": 1.5, "timestamp": 10, "step": 0},
        {"key": "acc", "value": math.nan, "timestamp": 10, "step": 0},
        {"key": "loss", "value": 1.25, "timestamp": 11, "step": 1},
    ]
    assert to_columns(points) == {
        "keys": ["loss", "acc"],
        "key": [0, 1, 0],
        "value": [1.5, points[1]["value"], 1.25],
        "timestamp": [10, 10, 11],
        "step": [0, 0, 1],
    }


def test_points_without_steps_send_no_step_column() -> None:
    assert to_columns([{"key": "x", "value": 1.0, "timestamp": 5}]) == {"keys": ["x"], "key": [0], "value": [1.0], "timestamp": [5]}


def test_a_batch_mixing_steps_and_none_stays_objects() -> None:
    assert to_columns([{"key": "x", "value": 1.0, "timestamp": 5, "step": 3}, {"key": "x", "value": 2.0, "timestamp": 6}]) is None
