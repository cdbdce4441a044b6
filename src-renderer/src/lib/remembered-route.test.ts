import { describe, expect, it } from 'vitest';
import { rememberHash, startHash } from './remembered-route';

function memory() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('remembered route', () => {
  it('restores the last route when the window opens on none', () => {
    const m = memory();
    rememberHash('#/compare?runs=a,b&smooth=0.6', m);
    expect(startHash('', m)).toBe('#/compare?runs=a,b&smooth=0.6');
    expect(startHash('#/', m)).toBe('#/compare?runs=a,b&smooth=0.6');
  });

  it('keeps a route the window was opened with', () => {
    const m = memory();
    rememberHash('#/runs/abc', m);
    expect(startHash('#/runs/xyz', m)).toBeNull();
  });

  it('ignores anything that is not a route', () => {
    const m = memory();
    rememberHash('#top', m);
    expect(startHash('', m)).toBeNull();
    m.setItem('runlens.lastRoute', 'javascript:alert(1)');
    expect(startHash('', m)).toBeNull();
  });
});
