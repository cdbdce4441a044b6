"""One writer process of the concurrency test: `log_points.py URL TOKEN RUN_ID RUN_INDEX POINTS`
logs POINTS points of `loss` to the run in 1,000-point batches over one keep-alive connection,
as fast as the server answers. Exits 1 with the answer on stderr at the first non-2xx."""

from __future__ import annotations

import http.client
import json
import sys
import urllib.parse

from batch_writer import BATCH, value  # this script's folder is first on sys.path


def main(url: str, token: str, run_id: str, run_index: int, points: int) -> int:
    conn = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for first in range(0, points, BATCH):
        metrics = [{"key": "loss", "value": value(run_index, s), "step": s} for s in range(first, min(first + BATCH, points))]
        conn.request("POST", f"/api/v1/runs/{run_id}/log", json.dumps({"metrics": metrics}), headers)
        resp = conn.getresponse()
        answer = resp.read()
        if resp.status // 100 != 2 or json.loads(answer) != {"accepted": len(metrics), "skipped": 0}:
            print(f"batch at step {first}: {resp.status} {answer[:500]!r}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])))
