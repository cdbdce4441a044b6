import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildManifest, EMPTY_CONFIG, EMPTY_CONFIG_BYTES } from './oci-manifest';
import { parseChallenge } from './oci-client';

const file = (path: string, sha: string) => ({ path, absPath: `/x/${path}`, size: 3, sha256: sha.repeat(64) });

describe('buildManifest', () => {
  it('gives the same bytes for the same files and annotations in any order, with the digest of those bytes', () => {
    const a = buildManifest([file('b.bin', 'b'), file('MLmodel', 'a')], { z: '1', 'runlens.run_id': 'r' });
    const b = buildManifest([file('MLmodel', 'a'), file('b.bin', 'b')], { 'runlens.run_id': 'r', z: '1' });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.digest).toBe(`sha256:${createHash('sha256').update(a.bytes).digest('hex')}`);
    const m = JSON.parse(a.bytes.toString());
    expect(m.artifactType).toBe('application/vnd.runlens.model.v1');
    expect(m.layers.map((l: { annotations: Record<string, string> }) => l.annotations['org.opencontainers.image.title'])).toEqual(['MLmodel', 'b.bin']);
    expect(Object.keys(m.annotations)).toEqual(['runlens.run_id', 'z']);
  });

  it('uses the spec empty descriptor, whose digest is that of `{}`', () => {
    expect(EMPTY_CONFIG.digest).toBe(`sha256:${createHash('sha256').update(EMPTY_CONFIG_BYTES).digest('hex')}`);
  });
});

describe('parseChallenge', () => {
  it('reads Bearer parameters, quoted commas included', () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:acme/m:pull,push"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:acme/m:pull,push' },
    });
  });
  it('reads a Basic challenge', () => {
    expect(parseChallenge('Basic realm="runlens-test"')).toEqual({ scheme: 'basic', params: { realm: 'runlens-test' } });
  });
});
