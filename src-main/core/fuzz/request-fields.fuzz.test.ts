// What the HTTP server parses out of a request before any handler runs: query parameters, path
// segments, MLflow page tokens, and (as a client) a registry's auth challenge. Any input gives a
// value or an ApiError; what the encoder wrote decodes to what it encoded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { decodePageToken, encodePageToken } from '../mlflow/mlflow-fields';
import { parseChallenge } from '../registry/oci/oci-client';
import { decodePath } from '../server/decode-path';
import { queryFields } from '../server/query-fields';
import { exactly, fuzzRuns, hostileText, neverThrows, settles } from './fuzz-support';

const apiError = exactly(ApiError);
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const name = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...PROTOTYPE_KEYS, 'filter', 'max_results'));

describe('request field fuzzing', () => {
  it('query parameters become own fields, a repeated one a list, whatever their names (regression: __proto__)', () => {
    const fields = queryFields(new URL('http://127.0.0.1/x?__proto__=a&__proto__=b'));
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toEqual(['a', 'b']);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 }), (pairs) => {
        const url = new URL('http://127.0.0.1/api');
        for (const [k, v] of pairs) url.searchParams.append(k, v);
        const out = settles(() => queryFields(url), neverThrows)!;
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        const expected = new Map<string, string[]>();
        // URLSearchParams re-encodes text: compare with what it hands back, not the raw input.
        for (const [k, v] of new URL(url.href).searchParams) expected.set(k, [...(expected.get(k) ?? []), v]);
        expect(Object.keys(out).sort()).toEqual([...expected.keys()].sort());
        for (const [k, vs] of expected) expect(Object.getOwnPropertyDescriptor(out, k)?.value).toEqual(vs.length > 1 ? vs : vs[0]);
      }),
      fuzzRuns(1500),
    );
  });

  it('a path decodes segment by segment to what was encoded, and malformed escapes give an ApiError', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), (segments) => {
        expect(decodePath(segments.map(encodeURIComponent).join('/'))).toBe(segments.join('/'));
      }),
      fuzzRuns(1000),
    );
    fc.assert(
      fc.property(hostileText(['/api/v1/runs/abc%2Fdef/artifacts/a%20b', '%2e%2e/%2E%2E/etc/passwd', '%', '%zz/%c3%28']), (path) => void settles(() => decodePath(path), apiError)),
      fuzzRuns(2000),
    );
  });

  it('a page token decodes to the offset encoded, and anything else to an ApiError', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (offset) => {
        expect(decodePageToken(encodePageToken(offset))).toBe(offset);
      }),
      fuzzRuns(500),
    );
    const tokens = [encodePageToken(100), Buffer.from('{"offset": -1}').toString('base64'), Buffer.from('null').toString('base64'), Buffer.from('{"offset": 1e400}').toString('base64')];
    fc.assert(
      fc.property(hostileText(tokens), (token) => {
        const offset = settles(() => decodePageToken(token), apiError);
        if (offset !== undefined) expect(Number.isSafeInteger(offset) && offset >= 0).toBe(true);
      }),
      fuzzRuns(2000),
    );
  });

  it("a registry's Bearer challenge gives back its parameters, and any header parses without throwing", () => {
    const param = fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.uniqueArray(param, { selector: ([k]) => k, maxLength: 4 }), (params) => {
        const header = `Bearer ${params.map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`).join(',')}`;
        expect(parseChallenge(header)).toEqual({ scheme: 'bearer', params: Object.fromEntries(params) });
      }),
      fuzzRuns(1000),
    );
    fc.assert(
      fc.property(hostileText(['Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull,push"', 'Basic realm=x']), (header) => {
        const r = settles(() => parseChallenge(header), neverThrows)!;
        expect(typeof r.scheme).toBe('string');
      }),
      fuzzRuns(2000),
    );
  });
});
