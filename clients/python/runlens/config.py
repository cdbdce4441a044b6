"""`init(config=…)` as params: nested dicts flattened with `.` keys, as W&B shows configs."""

from typing import Any, Dict, Mapping


def flatten_config(config: Mapping[str, Any], prefix: str = "") -> Dict[str, Any]:
    """`{"opt": {"lr": 0.1}}` → `{"opt.lr": 0.1}`; values other than mappings are kept as they are."""
    flat: Dict[str, Any] = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten_config(value, name + "."))
        else:
            flat[name] = value
    return flat
