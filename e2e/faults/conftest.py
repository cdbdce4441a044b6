"""The fault suite's view of Runlens: the shared serve/ingest helpers (e2e/pyshared), with the
writes these tests make, and the seed every randomised test prints so a failure can be replayed."""

from __future__ import annotations

import json
import os
import random
import urllib.request

from runlens_proc import Runlens, built  # noqa: F401  (built: autouse, fails at once without a build)


class Client(Runlens):
    def post(self, path: str, body: dict):
        req = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.load(resp)

    def create_run(self, name: str) -> str:
        return self.post("/api/v1/runs", {"experiment": "faults", "name": name})["run"]["id"]

    def count(self, run_id: str, key: str) -> int:
        """The run's point count for `key` as the server reports it (0 before the first point)."""
        return next((m["count"] for m in self.run(run_id)["metrics"] if m["key"] == key), 0)


def seeded(test: str) -> random.Random:
    """A random source for `test`, its seed printed; RUNLENS_FAULTS_SEED replays a failing one."""
    seed = int(os.environ.get("RUNLENS_FAULTS_SEED") or random.randrange(2**32))
    print(f"\n[{test}] seed {seed} (RUNLENS_FAULTS_SEED={seed} replays it)")
    return random.Random(seed)
