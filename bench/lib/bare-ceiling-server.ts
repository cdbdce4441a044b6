// The peer from PERFORMANCE.md's "HTTP ingest ceiling": a bare node:http server that parses each
// batch and writes it as one packed chunk row in its own transaction — no auth, validation,
// series lookup, summaries or events. Runlens's full server is measured against it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';

export async function startBareServer(file: string): Promise<{ url: URL; close(): Promise<void> }> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE chunks (id INTEGER PRIMARY KEY, series_id INTEGER, n INTEGER, vmin REAL, vmax REAL, steps BLOB, ts BLOB, vals BLOB)');
  const insert = db.prepare('INSERT INTO chunks (series_id, n, vmin, vmax, steps, ts, vals) VALUES (1, ?, ?, ?, ?, ?, ?)');
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const { metrics } = JSON.parse(Buffer.concat(parts).toString()) as { metrics: { value: number; step: number; timestamp: number }[] };
      const n = metrics.length;
      const steps = new Float64Array(n);
      const ts = new Float64Array(n);
      const vals = new Float64Array(n);
      let vmin = Infinity;
      let vmax = -Infinity;
      metrics.forEach((m, i) => {
        steps[i] = m.step;
        ts[i] = m.timestamp;
        vals[i] = m.value;
        if (m.value < vmin) vmin = m.value;
        if (m.value > vmax) vmax = m.value;
      });
      insert.run(n, vmin, vmax, Buffer.from(steps.buffer), Buffer.from(ts.buffer), Buffer.from(vals.buffer));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"accepted":${n}}`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    close: () => new Promise((done) => server.close(() => (db.close(), done()))),
  };
}
