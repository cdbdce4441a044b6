import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDirs } from '../test-support/temp-dir';
import { openStore } from './store';

const tempDir = useTempDirs();

describe('ViewRepo', () => {
  it('saves, replaces by name, lists by name and removes', () => {
    const store = openStore(join(tempDir(), 'runlens.db'));
    const views = store.views;
    views.save({ name: 'losses', filter: 'metrics.loss < 1', sort: { column: 'metric-min:loss', descending: false }, columns: ['metric-min:loss', 'tag:host'], updatedAt: 1 });
    views.save({ name: 'All', filter: '', sort: null, columns: [], updatedAt: 2 });
    const replaced = views.save({ name: 'losses', filter: '', sort: { column: 'name', descending: true }, columns: ['param:lr'], updatedAt: 3 });
    expect(replaced).toEqual({ name: 'losses', filter: '', sort: { column: 'name', descending: true }, columns: ['param:lr'], updatedAt: 3 });
    expect(views.list().map((v) => v.name)).toEqual(['All', 'losses']);
    expect(views.list()[0]).toEqual({ name: 'All', filter: '', sort: null, columns: [], updatedAt: 2 });
    expect(views.remove('losses')).toBe(true);
    expect(views.remove('losses')).toBe(false);
    expect(views.list().map((v) => v.name)).toEqual(['All']);
    store.close();
  });
});
