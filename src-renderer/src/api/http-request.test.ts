import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { buildRequest } from './http-request';

describe('buildRequest', () => {
  it('puts path params in the path and the rest in the query for GET', () => {
    const request = buildRequest(contract.getMetricSeries.http, { id: 'abc', key: 'train/loss', points: 600 });
    expect(request).toEqual({ method: 'GET', url: '/api/v1/runs/abc/metrics/train/loss?points=600' });
  });

  it('encodes each part of a rest key but keeps its slashes', () => {
    const request = buildRequest(contract.getMetricSeries.http, { id: 'r', key: 'val set/acc:top 1' });
    expect(request.url).toBe('/api/v1/runs/r/metrics/val%20set/acc%3Atop%201');
  });

  it('sends the remaining fields as the JSON body for POST', () => {
    const request = buildRequest(contract.logRun.http, { id: 'r1', metrics: [{ key: 'loss', value: 'NaN' }] });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/runs/r1/log');
    expect(JSON.parse(request.body!)).toEqual({ metrics: [{ key: 'loss', value: 'NaN' }] });
  });

  it('sends a body for DELETE too, and skips undefined query fields', () => {
    expect(buildRequest(contract.removeWatchRoot.http, { path: '/a b' }).body).toBe('{"path":"/a b"}');
    expect(buildRequest(contract.listRuns.http, { unused: undefined }).url).toBe('/api/v1/runs');
  });
});
