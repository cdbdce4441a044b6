"""What a stopped server left in `<data>/runlens.db`, read straight from SQLite (read-only), so
the fault tests judge the stored state itself rather than the server's view of it."""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing
from pathlib import Path


def _open(data: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{data / 'runlens.db'}?mode=ro", uri=True)


def integrity(data: Path) -> str:
    """`PRAGMA integrity_check`: "ok" for a sound file, else SQLite's list of problems."""
    with closing(_open(data)) as db:
        return "\n".join(row[0] for row in db.execute("PRAGMA integrity_check"))


def _floats(blob: bytes) -> tuple[float, ...]:
    # Chunk columns are little-endian Float64 blobs (src-main/core/store/chunk-codec.ts).
    return struct.unpack(f"<{len(blob) // 8}d", blob)


def series(data: Path, run_id: str, key: str) -> tuple[int, list[tuple[int, float]]]:
    """One series as stored: its summary count and every (step, value) in its chunks, in order."""
    with closing(_open(data)) as db:
        row = db.execute("SELECT id, count FROM metric_series WHERE run_id = ? AND key = ?", (run_id, key)).fetchone()
        if row is None:
            return 0, []
        points: list[tuple[int, float]] = []
        for steps, vals in db.execute("SELECT steps, vals FROM metric_chunks WHERE series_id = ? ORDER BY seq", (row[0],)):
            points += zip(map(int, _floats(steps)), _floats(vals))
        return row[1], points
