// The hostile requests a `runlens serve` must refuse (issue 11), as data: each names what it
// sends and the status and MLflow-style error_code it must get. Run by hostile-http.test.ts.
import type { ErrorCode } from '../../src-shared/errors';
import type { RawRequest } from './raw-http';

export interface HostileCase {
  group: string;
  name: string;
  request: RawRequest;
  /** What the server must answer; error_code null when Node's HTTP parser answers (no JSON). */
  expect: { status: number; errorCode: ErrorCode | null };
}

/** The server and fixtures the corpus aims at. */
export interface CorpusTarget {
  port: number;
  runId: string;
  experimentId: string;
  /** A symlink inside the run's artifact folder to a folder outside the data directory. */
  linkDir: string;
  /** A symlink inside the run's artifact folder to a file outside the data directory. */
  linkFile: string;
  /** A well-formed export id no export has. */
  exportId: string;
  /** The name a write that escaped would create; the test looks for it outside the data dir. */
  canary: string;
}

const REFUSED = {
  unauthenticated: { status: 401, errorCode: 'UNAUTHENTICATED' },
  denied: { status: 403, errorCode: 'PERMISSION_DENIED' },
  invalid: { status: 400, errorCode: 'INVALID_PARAMETER_VALUE' },
  malformed: { status: 400, errorCode: 'MALFORMED_REQUEST' },
  tooLarge: { status: 413, errorCode: 'REQUEST_LIMIT_EXCEEDED' },
  noRoute: { status: 404, errorCode: 'ENDPOINT_NOT_FOUND' },
  /** Refused by Node's HTTP parser before any route: a bare 400. */
  unparsable: { status: 400, errorCode: null },
} as const satisfies Record<string, HostileCase['expect']>;

const JSON_TYPE = { 'content-type': 'application/json' };

export function hostileCorpus(t: CorpusTarget): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (group: string, name: string, request: RawRequest, expect: HostileCase['expect']) => cases.push({ group, name, request, expect });
  const { port, runId, canary } = t;
  const runs = `/api/v1/runs/${runId}`;
  const proxy = '/api/2.0/mlflow-artifacts/artifacts';
  const inRun = `${t.experimentId}/${runId}/artifacts`;

  // --- Token ---------------------------------------------------------------------------------
  const noToken = { authorization: null };
  add('token', 'no token on the native API', { method: 'GET', target: '/api/v1/runs', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'no token on the MLflow API', { method: 'GET', target: '/api/2.0/mlflow/experiments/search', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'no token on the MLflow UI API', { method: 'GET', target: '/ajax-api/2.0/mlflow/experiments/search', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'no token on the event stream', { method: 'GET', target: '/api/v1/events', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'no token on an artifact download', { method: 'GET', target: `${proxy}/${inRun}/inside.txt`, headers: noToken }, REFUSED.unauthenticated);
  add('token', 'no token on an artifact upload', { method: 'PUT', target: `${runs}/artifacts/${canary}`, headers: noToken, body: 'x' }, REFUSED.unauthenticated);
  add('token', 'no token on a report download', { method: 'GET', target: `/api/v1/reports/${t.exportId}/files/report.html`, headers: noToken }, REFUSED.unauthenticated);
  add('token', 'wrong bearer token', { method: 'GET', target: '/api/v1/runs', headers: { authorization: 'Bearer not-the-token' } }, REFUSED.unauthenticated);
  add('token', 'empty bearer token', { method: 'GET', target: '/api/v1/runs', headers: { authorization: 'Bearer ' } }, REFUSED.unauthenticated);
  add('token', 'Basic auth with a wrong password', { method: 'GET', target: '/api/v1/runs', headers: { authorization: `Basic ${Buffer.from('user:guess').toString('base64')}` } }, REFUSED.unauthenticated);
  add('token', 'Basic auth without a password', { method: 'GET', target: '/api/v1/runs', headers: { authorization: `Basic ${Buffer.from('user').toString('base64')}` } }, REFUSED.unauthenticated);
  add('token', 'token in the query string instead of the header', { method: 'GET', target: '/api/v1/runs?token=guess&access_token=guess', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'doubled slashes before the API', { method: 'GET', target: '//api//v1//runs', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'dot segments from a UI path into the API', { method: 'GET', target: '/runs/../api/v1/runs', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'dot segments from health into the API', { method: 'GET', target: '/api/health/../v1/runs', headers: noToken }, REFUSED.unauthenticated);
  add('token', 'encoded dot segments from health into the API', { method: 'GET', target: '/api/health/%2e%2e/v1/runs', headers: noToken }, REFUSED.unauthenticated);

  // --- Host (DNS rebinding) --------------------------------------------------------------------
  const hosts = [
    'evil.com',
    `evil.com:${port}`,
    `127.0.0.1.evil.com:${port}`,
    `localhost.evil.com:${port}`,
    `localhost.:${port}`,
    `localhost:${port + 1}`,
    `127.0.0.1:${port}0`,
    '127.0.0.1',
    'localhost',
    '[::1]',
    `[::ffff:127.0.0.1]:${port}`,
    `[0:0:0:0:0:0:0:1]:${port}`,
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `127.0.0.1:${port}@evil.com`,
    '',
  ];
  for (const host of hosts) add('host', `Host: ${JSON.stringify(host)}`, { method: 'GET', target: '/api/health', headers: { host } }, REFUSED.denied);
  add('host', 'no Host header', { method: 'GET', target: '/api/health', headers: { host: null } }, REFUSED.unparsable);
  add('host', 'rebinding Host on a write with the right token', { method: 'POST', target: '/api/v1/runs', headers: { host: `evil.com:${port}`, ...JSON_TYPE }, body: '{}' }, REFUSED.denied);

  // --- Origin (CSRF) ---------------------------------------------------------------------------
  const origins = ['https://evil.com', 'null', `http://127.0.0.1:${port + 1}`, `http://localhost.evil.com:${port}`, `http://127.0.0.1:${port}.evil.com`, `https://127.0.0.1:${port}`, 'file://'];
  for (const origin of origins) {
    add('origin', `create a run from Origin ${origin}`, { method: 'POST', target: '/api/v1/runs', headers: { origin, ...JSON_TYPE }, body: '{"name":"csrf"}' }, REFUSED.denied);
  }
  add('origin', 'MLflow runs/create from a foreign Origin', { method: 'POST', target: '/api/2.0/mlflow/runs/create', headers: { origin: 'https://evil.com', ...JSON_TYPE }, body: '{}' }, REFUSED.denied);
  add('origin', 'artifact upload from a null Origin', { method: 'PUT', target: `${runs}/artifacts/${canary}`, headers: { origin: 'null' }, body: 'x' }, REFUSED.denied);
  add('origin', 'MLflow artifact upload from a foreign Origin', { method: 'PUT', target: `${proxy}/${inRun}/${canary}`, headers: { origin: 'https://evil.com' }, body: 'x' }, REFUSED.denied);
  add('origin', 'MLflow artifact delete from a null Origin', { method: 'DELETE', target: `${proxy}/${inRun}/inside.txt`, headers: { origin: 'null' } }, REFUSED.denied);
  // What an HTML form or a no-cors fetch can send without a preflight: a "simple" content type.
  add('csrf', 'text/plain JSON body from a foreign page', { method: 'POST', target: `${runs}/log`, headers: { origin: 'https://evil.com', 'content-type': 'text/plain' }, body: '{"metrics":[{"key":"csrf","value":1}]}' }, REFUSED.denied);
  add('csrf', 'text/plain JSON body without the token', { method: 'POST', target: `${runs}/log`, headers: { authorization: null, 'content-type': 'text/plain' }, body: '{"metrics":[{"key":"csrf","value":1}]}' }, REFUSED.unauthenticated);
  add('csrf', 'form-encoded body from a foreign page', { method: 'POST', target: '/api/v1/runs', headers: { origin: 'https://evil.com', 'content-type': 'application/x-www-form-urlencoded' }, body: '{"name":"csrf"}=' }, REFUSED.denied);
  add('csrf', 'multipart body from a null Origin', { method: 'POST', target: '/api/2.0/mlflow/runs/log-batch', headers: { origin: 'null', 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\n{}\r\n--x--' }, REFUSED.denied);

  // --- Body size ---------------------------------------------------------------------------------
  const overLimit = 33 * 1024 * 1024;
  add('size', 'declared length over the limit', { method: 'POST', target: `${runs}/log`, headers: { ...JSON_TYPE, 'content-length': String(overLimit) }, body: '{' }, REFUSED.tooLarge);
  add('size', 'streamed (chunked) body over the limit', { method: 'POST', target: `${runs}/log`, headers: { ...JSON_TYPE, 'content-length': null, 'transfer-encoding': 'chunked' }, body: chunked(`{"tags":{"t":"${'x'.repeat(overLimit)}"}}`) }, REFUSED.tooLarge);
  add('size', 'MLflow log-batch over the limit', { method: 'POST', target: '/api/2.0/mlflow/runs/log-batch', headers: { ...JSON_TYPE, 'content-length': String(overLimit) }, body: '{' }, REFUSED.tooLarge);

  // --- JSON --------------------------------------------------------------------------------------
  const log = (body: string | Buffer, name: string, expect: HostileCase['expect']) => add('json', name, { method: 'POST', target: `${runs}/log`, headers: JSON_TYPE, body }, expect);
  log(`{"metrics":${'['.repeat(100_000)}`, '100k unclosed [', REFUSED.malformed);
  log(`{"metrics":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, '100k nested arrays (valid JSON)', REFUSED.invalid);
  log(`{"params":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`, '100k nested objects (valid JSON)', REFUSED.invalid);
  log(`{"tags":{"t":"${'x'.repeat(20 * 1024 * 1024)}"}}`, 'a 20 MB string value', REFUSED.invalid);
  log(`{"metrics":[{"key":"${'k'.repeat(1024 * 1024)}","value":1}]}`, 'a 1 MB metric key', REFUSED.invalid);
  log(`{"v":NaN,"s":"${'\\"'.repeat(1_000_000)}`, 'an unterminated 2 MB string of escaped quotes after NaN', REFUSED.malformed);
  log('{"metrics":[{"key":"k","value":1,"step":NaN}]}', 'NaN step', REFUSED.invalid);
  log('{"metrics":[{"key":"k","value":1,"step":Infinity}]}', 'Infinity step', REFUSED.invalid);
  log(`{"metrics":[{"key":"k","value":1,"step":1${'0'.repeat(400)}}]}`, 'a step literal overflowing to Infinity', REFUSED.invalid);
  log('{"metrics":[{"key":"k","value":1,"timestamp":-Infinity}]}', '-Infinity timestamp', REFUSED.invalid);
  log('{"firstSeq":NaN,"metrics":[{"key":"k","value":1}]}', 'NaN firstSeq', REFUSED.invalid);
  log('{"metrics":[{"key":"k","value":1}]}\u0000', 'a NUL after the body', REFUSED.malformed);
  log(Buffer.concat([Buffer.from('{"tags":{"t":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]), 'non-UTF-8 bytes in a string', REFUSED.malformed);
  log(Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]), 'a UTF-16 body', REFUSED.malformed);
  log('{"__proto__":{"polluted":true},"metrics":[]}', 'a __proto__ key', { status: 200, errorCode: null });
  add('json', 'MLflow log-metric with a NaN step', { method: 'POST', target: '/api/2.0/mlflow/runs/log-metric', headers: JSON_TYPE, body: `{"run_id":"${runId}","key":"k","value":1,"timestamp":0,"step":NaN}` }, REFUSED.invalid);
  add('json', 'MLflow log-batch with 100k nested arrays', { method: 'POST', target: '/api/2.0/mlflow/runs/log-batch', headers: JSON_TYPE, body: `{"run_id":"${runId}","metrics":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }, REFUSED.invalid);
  add('encoding', 'malformed percent-encoding in a run id', { method: 'GET', target: '/api/v1/runs/%E0%A4%A' }, REFUSED.invalid);
  add('encoding', 'non-UTF-8 percent-encoding in a run id', { method: 'GET', target: '/api/v1/runs/%ff%fe' }, REFUSED.invalid);
  add('encoding', 'a raw control byte in the request line', { method: 'GET', target: '/api/v1/runs/\u0001' }, REFUSED.unparsable);
  add('encoding', 'a CR/LF-injected header value', { method: 'GET', target: '/api/v1/runs', headers: { 'x-a': 'b\rx-injected: 1' } }, REFUSED.unparsable);

  // --- Artifact paths (MLflow CVE-2023-1177/-2780/-6909 style) -------------------------------
  // Every route that takes an artifact path, with every way of writing "somewhere else". Raw
  // `..` segments are resolved by URL parsing before any route sees them (tested above), so the
  // payloads here hide them in one segment or in the query string.
  const escapes: [string, string][] = [
    ['..%2f..%2f..%2f..%2ftoken', 'encoded slash between dot segments'],
    ['..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd', 'upper-case encoded slashes'],
    ['sub%2f..%2f..%2f..%2f..%2ftoken', 'a folder then encoded dot segments'],
    ['%2e%2e%2f%2e%2e%2f%2e%2e%2ftoken', 'fully encoded dot segments and slashes'],
    ['%2fetc%2fpasswd', 'an encoded absolute path'],
    ['%2f%2fetc%2fpasswd', 'an encoded protocol-relative path'],
    ['..%5c..%5c..%5ctoken', 'encoded backslashes'],
    ['C:%5cWindows%5cwin.ini', 'a Windows drive path'],
    [`inside.txt%00${canary}`, 'an encoded NUL byte'],
    ['..%2f..%2f..%2f..%2ftoken%23.txt', 'an encoded # after the traversal'],
    ['..%2f..%2f..%2f..%2ftoken%3f.txt', 'an encoded ? after the traversal'],
    [`${t.linkDir}/secret.txt`, 'a file through a symlinked folder that leads outside'],
    [t.linkFile, 'a symlink to a file outside'],
  ];
  const writes: [string, string][] = [
    [`..%2f..%2f..%2f..%2f${canary}`, 'encoded slash between dot segments'],
    [`%2ftmp%2f${canary}`, 'an encoded absolute path'],
    [`..%5c..%5c..%5c${canary}`, 'encoded backslashes'],
    [`${canary}%00.txt`, 'an encoded NUL byte'],
    [`${t.linkDir}/${canary}`, 'a file through a symlinked folder that leads outside'],
    [`${t.linkDir}%2f${canary}`, 'an encoded slash after a symlinked folder'],
  ];
  // The proxy's paths start at the artifact root, so an absolute one is sent as the whole path
  // (inside one, `a//b` is `a/b`); the others start in the run's folder.
  const proxied = (p: string) => (p.startsWith('%2f') ? p : `${inRun}/${p}`);
  const planted = [t.linkDir, t.linkFile];
  for (const [p, what] of escapes) {
    add('artifact', `MLflow proxy GET: ${what}`, { method: 'GET', target: `${proxy}/${proxied(p)}` }, REFUSED.invalid);
    add('artifact', `MLflow proxy DELETE: ${what}`, { method: 'DELETE', target: `${proxy}/${proxied(p)}` }, REFUSED.invalid);
    add('artifact', `MLflow proxy list: ${what}`, { method: 'GET', target: `${proxy}?path=${proxied(p)}` }, REFUSED.invalid);
    add('artifact', `MLflow artifacts/list: ${what}`, { method: 'GET', target: `/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=${p}` }, REFUSED.invalid);
    add('artifact', `native preview: ${what}`, { method: 'GET', target: `${runs}/artifact-preview?path=${p}` }, REFUSED.invalid);
    add('artifact', `native list: ${what}`, { method: 'GET', target: `${runs}/artifacts?path=${p}` }, REFUSED.invalid);
    // The planted links are in the run's folder, not in an export's.
    if (!planted.some((l) => p.startsWith(l))) add('artifact', `report download: ${what}`, { method: 'GET', target: `/api/v1/reports/${t.exportId}/files/${p}` }, REFUSED.invalid);
  }
  for (const [p, what] of writes) {
    add('artifact', `MLflow proxy PUT: ${what}`, { method: 'PUT', target: `${proxy}/${proxied(p)}`, body: 'escaped' }, REFUSED.invalid);
    add('artifact', `native artifact PUT: ${what}`, { method: 'PUT', target: `${runs}/artifacts/${p}`, body: 'escaped' }, REFUSED.invalid);
  }
  // The query string is taken as it is: `?path=` payloads need no encoding.
  for (const [p, what] of [['../../../../token', 'dot segments'], ['/etc/passwd', 'an absolute path'], ['//etc/passwd', 'a protocol-relative path'], ['..\\..\\token', 'backslashes']]) {
    add('artifact', `MLflow proxy DELETE ?path=: ${what}`, { method: 'DELETE', target: `${proxy}?path=${encodeURIComponent(p!)}` }, REFUSED.invalid);
    add('artifact', `MLflow proxy list ?path=: ${what}`, { method: 'GET', target: `${proxy}?path=${encodeURIComponent(p!)}` }, REFUSED.invalid);
    add('artifact', `native preview ?path=: ${what}`, { method: 'GET', target: `${runs}/artifact-preview?path=${encodeURIComponent(p!)}` }, REFUSED.invalid);
  }
  add('artifact', 'MLflow proxy DELETE of the whole artifact root', { method: 'DELETE', target: `${proxy}?path=` }, REFUSED.invalid);
  add('artifact', 'MLflow proxy GET with the traversal after a #', { method: 'GET', target: `${proxy}/${inRun}/missing.txt#/../../../../token` }, { status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
  add('artifact', 'MLflow proxy GET with the traversal after a ?', { method: 'GET', target: `${proxy}/${inRun}/missing.txt?/../../../../token` }, { status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
  add('artifact', 'a report from an export id that is a traversal', { method: 'GET', target: '/api/v1/reports/..%2f..%2f..%2f/files/token' }, { status: 404, errorCode: 'RESOURCE_DOES_NOT_EXIST' });
  add('artifact', 'an artifact route on a method it does not take', { method: 'POST', target: `${proxy}/${inRun}/${canary}`, headers: JSON_TYPE, body: '{}' }, REFUSED.noRoute);
  return cases;
}

/** A body in one chunk of chunked transfer encoding, so no length is declared up front. */
function chunked(body: string): Buffer {
  const bytes = Buffer.from(body);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]);
}
