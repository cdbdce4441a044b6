"""The dataset refs of `run.log_dataset`, as the lineage issue defines them (README "Dataset lineage").

A local path is sent as its absolute path: the core digests it and reads its schema, so the
client and the core never disagree on a digest. A pandas DataFrame has no path: the client
digests its CSV text and reads the schema from its dtypes. pandas is never imported here — a
frame is recognised by the methods it has.
"""

import hashlib
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from .errors import RunlensError
from .values import JsonObject

DATAFRAME_NAME = "dataframe"


def dataset_ref(data: Any, name: Optional[str], context: Optional[str]) -> JsonObject:
    """The ref for `inputs` (HTTP) and inputs.json (spool): `{path, name?, context?}` or `{digest, name, context?, schema, rows}`."""
    if isinstance(data, (str, os.PathLike)):
        ref = _path_ref(Path(data))
    elif _is_dataframe(data):
        ref = _frame_ref(data, name or DATAFRAME_NAME)
    else:
        raise RunlensError(f"log_dataset takes a path or a pandas DataFrame, not {type(data).__name__}")
    if name is not None:
        ref["name"] = name
    if context is not None:
        ref["context"] = context
    return ref


def _path_ref(path: Path) -> JsonObject:
    absolute = path.expanduser().resolve()
    if not absolute.exists():
        raise RunlensError(f"log_dataset: {path} does not exist")
    return {"path": str(absolute)}


def _is_dataframe(data: Any) -> bool:
    return hasattr(data, "to_csv") and hasattr(data, "dtypes") and hasattr(data, "columns")


def _frame_ref(frame: Any, name: str) -> JsonObject:
    csv_text: str = frame.to_csv(index=False)
    digest = "sha256:" + hashlib.sha256(csv_text.encode("utf-8")).hexdigest()
    return {"digest": digest, "name": name, "schema": frame_schema(frame), "rows": int(len(frame))}


def frame_schema(frame: Any) -> List[Dict[str, str]]:
    """Columns with the type names the core's schema readers use: int64, double, bool, timestamp, string."""
    return [{"name": str(column), "type": _column_type(str(dtype))} for column, dtype in frame.dtypes.items()]


def _column_type(dtype: str) -> str:
    dtype = dtype.lower()
    if dtype.startswith(("int", "uint")):
        return "int64"
    if dtype.startswith("float"):
        return "double"
    if dtype.startswith("bool"):
        return "bool"
    if dtype.startswith("datetime"):
        return "timestamp"
    return "string"
