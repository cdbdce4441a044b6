import { describe, expect, it } from 'vitest';
import { parseCoreEvent } from './core-event-schema';

const record = {
  id: 'p1',
  runId: 'r1',
  modelRef: 'm-1',
  modelDigest: 'sha256:aa',
  registry: 'hub',
  registryKind: 'oci',
  remoteName: 'acme/clf',
  remoteVersion: null,
  alias: 'champion',
  gate: { passed: true, baselineRunId: null, rules: [{ expression: 'metrics.acc >= 0.9', passed: true, detail: 'acc 0.93 ≥ 0.9' }] },
  overrideReason: null,
  outcome: 'running',
  error: null,
  user: 'ana',
  startedAt: 1,
  finishedAt: null,
};

describe('promotion events from the core', () => {
  it('accepts the records and progress the core sends', () => {
    const updated = { type: 'promotion.updated', data: { record } };
    expect(parseCoreEvent(updated)).toEqual(updated);
    const progress = { type: 'promotion.progress', data: { promotionId: 'p1', phase: 'upload', file: 'model.pkl', bytesDone: 10, bytesTotal: 20, fileBytesDone: 10, fileBytesTotal: 10 } };
    expect(parseCoreEvent(progress)).toEqual(progress);
  });

  it('refuses malformed ones', () => {
    expect(parseCoreEvent({ type: 'promotion.updated', data: { record: { ...record, outcome: 'done' } } })).toBeNull();
    expect(parseCoreEvent({ type: 'promotion.progress', data: { promotionId: 'p1', phase: 'upload', file: null, bytesDone: '10', bytesTotal: 20 } })).toBeNull();
    expect(parseCoreEvent({ type: 'promotion.progress', data: { promotionId: 'p1', phase: 'upload', file: 'a', bytesDone: 1, bytesTotal: 2, fileBytesDone: 'x' } })).toBeNull();
  });
});
