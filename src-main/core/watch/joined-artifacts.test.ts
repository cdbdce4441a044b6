import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../artifacts/artifact-store';
import { useTempDirs } from '../test-support/temp-dir';
import { copyJoinedArtifacts } from './joined-artifacts';

const tempDir = useTempDirs();

describe('copyJoinedArtifacts', () => {
  it('copies new and changed files, keeping their paths, and leaves unchanged ones', async () => {
    const runDir = tempDir();
    const from = join(runDir, 'artifacts');
    const to = tempDir();
    const store = new ArtifactStore(tempDir());
    mkdirSync(join(from, 'model', 'weights'), { recursive: true });
    writeFileSync(join(from, 'report.txt'), 'r');
    writeFileSync(join(from, 'model', 'weights', 'w.bin'), 'ww');
    const problems: string[] = [];
    expect(await copyJoinedArtifacts(runDir, to, store, problems)).toBe(2);
    expect(readFileSync(join(to, 'model', 'weights', 'w.bin'), 'utf8')).toBe('ww');
    expect(await copyJoinedArtifacts(runDir, to, store, problems)).toBe(0);
    writeFileSync(join(from, 'report.txt'), 'rewritten');
    expect(await copyJoinedArtifacts(runDir, to, store, problems)).toBe(1);
    expect(readFileSync(join(to, 'report.txt'), 'utf8')).toBe('rewritten');
    expect(problems).toEqual([]);
  });

  it('does nothing for a folder without artifacts', async () => {
    const problems: string[] = [];
    expect(await copyJoinedArtifacts(tempDir(), tempDir(), new ArtifactStore(tempDir()), problems)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('copies nothing a symlink leads to outside the run folder, and reports it', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const store = new ArtifactStore(tempDir());
    // A link to a file outside, planted in the artifacts folder…
    const runDir = tempDir();
    mkdirSync(join(runDir, 'artifacts', 'sub'), { recursive: true });
    symlinkSync(outside, join(runDir, 'artifacts', 'sub', 'linked'));
    writeFileSync(join(runDir, 'artifacts', 'ok.txt'), 'ok');
    const to = tempDir();
    const problems: string[] = [];
    expect(await copyJoinedArtifacts(runDir, to, store, problems)).toBe(1);
    expect(readFileSync(join(to, 'ok.txt'), 'utf8')).toBe('ok');
    // (walkTree does not follow links inside; the link's target is never listed.)
    expect(existsSync(join(to, 'sub', 'linked'))).toBe(false);
    // …and an artifacts folder that is itself a link out of the run folder.
    const linkedRun = tempDir();
    symlinkSync(outside, join(linkedRun, 'artifacts'));
    const to2 = tempDir();
    expect(await copyJoinedArtifacts(linkedRun, to2, store, problems)).toBe(0);
    expect(existsSync(join(to2, 'secret.txt'))).toBe(false);
    expect(problems.join('\n')).toMatch(/secret\.txt: not copied to the run's artifacts: Invalid artifact path/);
  });
});
