import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../artifacts/artifact-store';
import { useTempDirs } from '../test-support/temp-dir';
import { copyJoinedArtifacts } from './joined-artifacts';

const tempDir = useTempDirs();

describe('copyJoinedArtifacts', () => {
  it('copies new and changed files, keeping their paths, and leaves unchanged ones', async () => {
    const from = tempDir();
    const to = tempDir();
    const store = new ArtifactStore(tempDir());
    mkdirSync(join(from, 'model', 'weights'), { recursive: true });
    writeFileSync(join(from, 'report.txt'), 'r');
    writeFileSync(join(from, 'model', 'weights', 'w.bin'), 'ww');
    const problems: string[] = [];
    expect(await copyJoinedArtifacts(from, to, store, problems)).toBe(2);
    expect(readFileSync(join(to, 'model', 'weights', 'w.bin'), 'utf8')).toBe('ww');
    expect(await copyJoinedArtifacts(from, to, store, problems)).toBe(0);
    writeFileSync(join(from, 'report.txt'), 'rewritten');
    expect(await copyJoinedArtifacts(from, to, store, problems)).toBe(1);
    expect(readFileSync(join(to, 'report.txt'), 'utf8')).toBe('rewritten');
    expect(problems).toEqual([]);
  });

  it('does nothing for a folder without artifacts', async () => {
    const problems: string[] = [];
    expect(await copyJoinedArtifacts(join(tempDir(), 'missing'), tempDir(), new ArtifactStore(tempDir()), problems)).toBe(0);
    expect(problems).toEqual([]);
  });
});
