"""A writer that logs numbered 1,000-point batches to one run over a keep-alive connection and
outlives the server it writes to: a batch whose answer never came (the server was killed) is
sent again, with the same `firstSeq`, to whichever server comes up next.

A batch is identified by its run and its first sequence number, so a resend of a batch the
killed server had already committed is skipped whole (`{"accepted": 0, "skipped": 1000}`)."""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse

BATCH = 1000


def value(run_index: int, step: int) -> float:
    """The value logged at `step` of the `run_index`th run: distinct per run and step."""
    return run_index * 1_000_000 + step / 8


class Endpoint:
    """Where the server currently answers: set after each (re)start, cleared when it is killed.
    Each start is a new generation (a restarted server may well get the same port back)."""

    def __init__(self):
        self._cond = threading.Condition()
        self._url: str | None = None
        self._token = ""
        self._generation = 0
        self.stopping = False

    def up(self, url: str, token: str):
        with self._cond:
            self._url, self._token = url, token
            self._generation += 1
            self._cond.notify_all()

    def down(self):
        with self._cond:
            self._url = None

    def stop(self):
        with self._cond:
            self.stopping = True
            self._cond.notify_all()

    def wait_up(self, after: int) -> tuple[int, str, str]:
        """(generation, url, token) of the server, once one newer than generation `after` is up."""
        with self._cond:
            self._cond.wait_for(lambda: self._url is not None and self._generation > after, timeout=120)
            assert self._url is not None and self._generation > after, "no server came up within 120 s"
            return self._generation, self._url, self._token


class BatchWriter(threading.Thread):
    """Logs batch after batch to `run_id` until the endpoint stops; records every answer."""

    def __init__(self, endpoint: Endpoint, run_id: str, run_index: int):
        super().__init__(daemon=True)
        self.endpoint, self.run_id, self.run_index = endpoint, run_id, run_index
        self.acked = 0  # batches answered 2xx, numbered 0…acked-1
        self.resent: list[dict] = []  # the answers to batches sent again after a kill
        self.failure: str | None = None

    def _body(self, k: int) -> bytes:
        first = k * BATCH
        metrics = [{"key": "loss", "value": value(self.run_index, s), "step": s} for s in range(first, first + BATCH)]
        return json.dumps({"firstSeq": first + 1, "metrics": metrics}).encode()

    def run(self):
        try:
            self._write()
        except Exception as e:  # noqa: BLE001 — reported by the test, which joins this thread
            self.failure = repr(e)

    def _write(self):
        conn, generation = None, 0
        while not self.endpoint.stopping:
            body, resending = self._body(self.acked), False
            while True:
                if conn is None:
                    generation, url, token = self.endpoint.wait_up(generation)
                    conn = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=60)
                try:
                    conn.request("POST", f"/api/v1/runs/{self.run_id}/log", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                    resp = conn.getresponse()
                    answer = resp.read()
                except (OSError, http.client.HTTPException):
                    # The server died under this request: resend the same batch to the next one.
                    conn.close()
                    conn, resending = None, True
                    continue
                if resp.status // 100 != 2:
                    raise AssertionError(f"batch {self.acked} of {self.run_id}: {resp.status} {answer[:500]!r}")
                if resending:
                    self.resent.append(json.loads(answer))
                self.acked += 1
                break
        if conn is not None:
            conn.close()
