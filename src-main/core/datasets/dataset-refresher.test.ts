import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreEvent } from '../../../src-shared/events';
import { useTempDirs } from '../test-support/temp-dir';
import { storeHarness } from '../test-support/source-harness';
import { DatasetRefresher } from './dataset-refresher';
import { describeLocal } from './describe-local';

const tempDir = useTempDirs();

async function setup(text: string) {
  const { store, hub } = storeHarness(tempDir());
  store.runs.insert({ id: 'b', experiment: 'e', name: 'b', status: 'FINISHED', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
  const file = join(tempDir(), 'raw.csv');
  writeFileSync(file, text);
  store.datasets.addRunInput('b', (await describeLocal(file, store.digests, { name: 'raw' })).record, {}, 1);
  let clock = 100;
  const refresher = new DatasetRefresher({ store, hub, now: () => clock++ });
  return { store, hub, file, refresher };
}

describe('DatasetRefresher', () => {
  it('records a new version when the data at a version’s path changes, and flags the run that used the old one', async () => {
    const { store, hub, file, refresher } = await setup('x\n1\n');
    expect(await refresher.refreshNow()).toEqual([]);
    const events: CoreEvent[] = [];
    hub.subscribe((e) => events.push(e));
    writeFileSync(file, 'x\n1\n2\n');
    expect(await refresher.refreshNow()).toEqual(['raw']);
    hub.flush();
    expect(events).toEqual([{ type: 'datasets.changed', data: { names: ['raw'] } }]);
    const versions = store.datasets.versionsOf('raw');
    expect(versions.map((v) => [v.rows, v.uri, v.format])).toEqual([
      [1, file, 'csv'],
      [2, file, 'csv'],
    ]);
    expect(versions[1]!.createdAt).toBeGreaterThan(versions[0]!.createdAt);
    expect(versions[1]!.digest).not.toBe(versions[0]!.digest);
    expect(store.datasets.runDatasets('b').inputs[0]!.newerVersion).toBe(true);
    // Nothing changed since: no new version.
    expect(await refresher.refreshNow()).toEqual([]);
    await refresher.close();
  });

  it('keeps the versions and makes none when the data is gone, or back to an older version’s bytes', async () => {
    const { store, file, refresher } = await setup('x\n1\n');
    writeFileSync(file, 'x\n2\n3\n');
    await refresher.refreshNow();
    writeFileSync(file, 'x\n1\n');
    expect(await refresher.refreshNow()).toEqual([]);
    rmSync(file);
    expect(await refresher.refreshNow()).toEqual([]);
    expect(store.datasets.versionsOf('raw')).toHaveLength(2);
    await refresher.close();
  });

  it('leaves alone versions digested by other tools', async () => {
    const { store, refresher } = await setup('x\n1\n');
    const other = join(tempDir(), 'dvc.csv');
    writeFileSync(other, 'y\n');
    store.datasets.upsert({ name: 'dvc-out', digest: 'md5:0123', sourceType: 'dvc', source: other, schema: null, profile: null, uri: other }, 1);
    expect(await refresher.refreshNow()).toEqual([]);
    expect(store.datasets.versionsOf('dvc-out')).toHaveLength(1);
    await refresher.close();
  });
});
