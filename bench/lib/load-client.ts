import { Agent, request } from 'node:http';

export interface LoadResult {
  points: number;
  seconds: number;
  pointsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function points(key: string, firstStep: number, size: number): { key: string; value: number; step: number; timestamp: number }[] {
  const metrics = [];
  for (let i = 0; i < size; i++) {
    const step = firstStep + i;
    metrics.push({ key, value: Math.exp(-step / 1e6) + Math.random() * 1e-3, step, timestamp: 1_764_000_000_000 + step });
  }
  return metrics;
}

/** One batch body for the native log route as a notebook would send it (JSON generated per request). */
export function batchBody(key: string, firstStep: number, size: number): string {
  return JSON.stringify({ metrics: points(key, firstStep, size) });
}

/**
 * The same points as the native route's columnar body (`columns`: one array per field), as the
 * Python client sends them: built and parsed without an object per point.
 */
export function columnarBatchBody(key: string, firstStep: number, size: number): string {
  const keyIdx = new Array<number>(size).fill(0);
  const value = new Array<number>(size);
  const step = new Array<number>(size);
  const timestamp = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    const s = firstStep + i;
    value[i] = Math.exp(-s / 1e6) + Math.random() * 1e-3;
    step[i] = s;
    timestamp[i] = 1_764_000_000_000 + s;
  }
  return JSON.stringify({ columns: { keys: [key], key: keyIdx, value, step, timestamp } });
}

/** The same points as a body for MLflow's `runs/log-batch`, which names the run in the body. */
export function mlflowBatchBody(runId: string, key: string, firstStep: number, size: number): string {
  return JSON.stringify({ run_id: runId, metrics: points(key, firstStep, size) });
}

export function post(agent: Agent, url: URL, path: string, body: string, token: string | null): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (token) headers.authorization = `Bearer ${token}`;
    const req = request({ agent, host: url.hostname, port: url.port, method: 'POST', path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * Sends 1,000-point batches with `inFlight` requests outstanding for `seconds`, each answered
 * only after its commit, and measures the sustained rate and the acknowledgement latency.
 */
export async function runLoad(opts: {
  url: URL;
  path: string;
  token: string | null;
  seconds: number;
  inFlight: number;
  batch: number;
  /** The request body for the points firstStep…; the native log route's body by default. */
  body?: (firstStep: number, size: number) => string;
}): Promise<LoadResult> {
  const body = opts.body ?? ((firstStep: number, size: number) => batchBody('loss', firstStep, size));
  const agent = new Agent({ keepAlive: true, maxSockets: opts.inFlight });
  const latencies: number[] = [];
  let nextStep = 0;
  let points = 0;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  async function worker(): Promise<void> {
    while (performance.now() < deadline) {
      const text = body(nextStep, opts.batch);
      nextStep += opts.batch;
      const t0 = performance.now();
      const res = await post(agent, opts.url, opts.path, text, opts.token);
      if (res.status !== 200) throw new Error(`batch refused: ${res.status} ${res.text}`);
      latencies.push(performance.now() - t0);
      points += opts.batch;
    }
  }
  await Promise.all(Array.from({ length: opts.inFlight }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { points, seconds, pointsPerSecond: points / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
