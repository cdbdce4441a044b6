import { describe, expect, it } from 'vitest';
import { FULL_DIGEST_TAG, fromMlflowDigest, toMlflowDigest } from './mlflow-digest';

const LONG = `sha256:${'ab'.repeat(32)}`;

describe('dataset digests MLflow can hold', () => {
  it('sends a long digest as its first 36 characters and the whole in an input tag, and pull restores it', () => {
    const sent = toMlflowDigest(LONG, { 'mlflow.data.context': 'training' });
    expect(sent.digest).toBe(LONG.slice(0, 36));
    expect(sent.tags).toEqual({ 'mlflow.data.context': 'training', [FULL_DIGEST_TAG]: LONG });
    expect(fromMlflowDigest(sent.digest, sent.tags)).toEqual({ digest: LONG, tags: { 'mlflow.data.context': 'training' } });
  });

  it('leaves a digest MLflow takes as it is, both ways', () => {
    expect(toMlflowDigest('d1g35t', {})).toEqual({ digest: 'd1g35t', tags: {} });
    expect(fromMlflowDigest('d1g35t', { a: 'b' })).toEqual({ digest: 'd1g35t', tags: { a: 'b' } });
  });

  it('keeps the remote digest when the tag names a digest of other data', () => {
    expect(fromMlflowDigest('0123456789', { [FULL_DIGEST_TAG]: LONG })).toEqual({ digest: '0123456789', tags: { [FULL_DIGEST_TAG]: LONG } });
  });
});
