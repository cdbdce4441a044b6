import { describe, expect, it } from 'vitest';
import { shortDigest } from './digest';

describe('shortDigest', () => {
  it('drops the algorithm and keeps 10 characters', () => {
    expect(shortDigest('sha256:0123456789abcdef')).toBe('0123456789');
    expect(shortDigest('md5:ffee')).toBe('ffee');
    expect(shortDigest('a1b2c3d4')).toBe('a1b2c3d4');
  });
});
