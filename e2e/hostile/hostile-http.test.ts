// Issue 11, hostile input: a real `runlens serve` (the built CLI, as users run it) gets the
// corpus of hostile requests in corpus.ts over raw sockets. Each must get its status and
// error_code, the server must answer a health check after each, and nothing may appear or
// change outside the data directory.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from '../../src-main/core/test-support/server-process';
import { BODY_DEADLINE_MS } from '../../src-main/core/server/read-body';
import { hostileCorpus, type CorpusTarget } from './corpus';
import { encodeRequest, parseReply, sendRaw, type RawRequest } from './raw-http';

const CLI = resolve(__dirname, '../../out/main/cli.js');
const skip = existsSync(CLI) ? null : 'skipped: out/main/cli.js is not built (npm run build)';
if (skip && process.env.CI) throw new Error(`missing in CI: ${CLI} (the test command builds it first)`);
const SECRET = 'hostile-sentinel-secret';

/** Every file under `dir` (but `skipped`) with its size and content: what must not change. */
function snapshot(dir: string, skipped: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (skipped.includes(full)) continue;
      if (e.isDirectory()) walk(full);
      else out[relative(dir, full)] = e.isFile() ? readFileSync(full, 'utf8') : `<${e.isSymbolicLink() ? 'link' : 'other'}>`;
    }
  };
  walk(dir);
  return out;
}

function findFile(dir: string, name: string): string | null {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.name.includes(name)) return full;
    if (e.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    }
  }
  return null;
}

describe.skipIf(skip !== null)('a running server refuses hostile requests', () => {
  let work: string;
  let data: string;
  let outside: string;
  let server: ServerProcess;
  let port: number;
  let token: string;
  const send = (req: RawRequest) => sendRaw(port, encodeRequest(req, { port, token }));
  const health = async () => (await send({ method: 'GET', target: '/api/health' })).status;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'runlens-hostile-'));
    data = join(work, 'data');
    outside = join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), SECRET);
    port = await freePort();
    server = await startServer({ cmd: process.execPath, args: [CLI, 'serve', '--port', String(port), '--data', data], workdir: work, url: `http://127.0.0.1:${port}`, readyPath: '/api/health', timeoutMs: 20_000 });
    token = readFileSync(join(data, 'token'), 'utf8').trim();
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers every case of the corpus as expected, keeps serving, and writes nothing outside its data directory', async () => {
    const created = await send({ method: 'POST', target: '/api/v1/runs', headers: { 'content-type': 'application/json' }, body: '{"name":"target"}' });
    expect(created.status).toBe(201);
    const runId = (JSON.parse(created.body) as { run: { id: string } }).run.id;
    expect((await send({ method: 'PUT', target: `/api/v1/runs/${runId}/artifacts/inside.txt`, body: 'inside' })).status).toBe(201);
    const runDir = dirname(findFile(join(data, 'artifacts'), 'inside.txt')!);
    const target: CorpusTarget = {
      port,
      runId,
      experimentId: relative(join(data, 'artifacts'), runDir).split('/')[0]!,
      linkDir: 'outside-dir',
      linkFile: 'outside-file.txt',
      exportId: '20260101-000000-deadbeef',
      canary: `canary-${process.pid}`,
    };
    // Planted as a local process (or an imported MLflow store) could: links out of the folder.
    symlinkSync(outside, join(runDir, target.linkDir));
    symlinkSync(join(outside, 'secret.txt'), join(runDir, target.linkFile));
    const before = snapshot(work, [data, join(work, 'server.log')]);

    const cases = hostileCorpus(target);
    const failures: string[] = [];
    let refused = 0;
    for (const c of cases) {
      const reply = await send(c.request).catch((e: Error) => ({ status: 0, headers: {}, body: `no answer: ${e.message}` }));
      const code = c.expect.errorCode === null ? null : ((JSON.parse(reply.body || '{}') as { error_code?: string }).error_code ?? null);
      const wrong = reply.status !== c.expect.status || (c.expect.errorCode !== null && code !== c.expect.errorCode);
      if (wrong) failures.push(`${c.group}: ${c.name}: got ${reply.status} ${code ?? reply.body.slice(0, 120)}, expected ${c.expect.status} ${c.expect.errorCode ?? ''}`);
      if (reply.body.includes(SECRET)) failures.push(`${c.group}: ${c.name}: the answer holds the file outside the data directory`);
      if (reply.status >= 400 && !wrong) refused += 1;
      // The server keeps serving after every case.
      expect(await health(), `health after ${c.name}`).toBe(200);
    }
    console.log(`hostile HTTP corpus: ${cases.length} cases tried, ${refused} refused as expected, ${cases.filter((c) => c.expect.status < 400).length} accepted harmlessly as expected, ${failures.length} wrong`);
    expect(failures).toEqual([]);

    expect(snapshot(work, [data, join(work, 'server.log')])).toEqual(before);
    expect(findFile(data, target.canary), 'a refused write left a file in the data directory').toBeNull();
    for (const dir of [tmpdir(), '/']) expect(existsSync(join(dir, target.canary))).toBe(false);
    expect(readFileSync(join(runDir, 'inside.txt'), 'utf8')).toBe('inside');
    // Nothing a refused request carried was stored.
    const run = (JSON.parse((await send({ method: 'GET', target: `/api/v1/runs/${runId}` })).body) as { run: { metrics: unknown[]; tags: object } }).run;
    expect(run.metrics).toEqual([]);
    const runs = (JSON.parse((await send({ method: 'GET', target: '/api/v1/runs' })).body) as { runs: { name: string }[] }).runs;
    expect(runs.map((r) => r.name)).toEqual(['target']);
    expect(statSync(join(outside, 'secret.txt')).size).toBe(SECRET.length);
  });

  it('answers 408 to a body trickled past the deadline and closes it, serving others meanwhile', async () => {
    const body = '{"metrics":[{"key":"slow","value":1}]}';
    const socket = connect(port, '127.0.0.1');
    const head = encodeRequest({ method: 'POST', target: '/api/v1/runs', headers: { 'content-type': 'application/json', connection: 'keep-alive', 'content-length': String(body.length) } }, { port, token });
    const parts: Buffer[] = [];
    socket.on('data', (c) => parts.push(c));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.write(head);
    let sent = 0;
    let served = 0;
    let open = true;
    void closed.then(() => (open = false));
    // A byte a second never completes the body before the deadline.
    while (open && sent < body.length - 1) {
      socket.write(body[sent]!);
      sent += 1;
      expect(await health()).toBe(200);
      served += 1;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await closed;
    const reply = parseReply(Buffer.concat(parts));
    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.body)).toMatchObject({ error_code: 'REQUEST_TIMEOUT' });
    expect(sent).toBeLessThan(body.length - 1);
    console.log(`slow body: closed with 408 after ${sent} bytes (deadline ${BODY_DEADLINE_MS} ms); ${served} other requests served meanwhile`);
  }, BODY_DEADLINE_MS * 3);
});
