import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { send } from '../test-support/http-client';
import type { LineageGraph, RunSummary } from '../../../src-shared/domain';

const tempDir = useTempDirs();

describe('GET /api/v1/lineage', () => {
  it('serves the graph, a focus on it, 404 for an unknown node; the runs filter reads newer_data', async () => {
    const core = await startTestCore(tempDir(), { port: 0 });
    try {
      const { store } = core;
      const ds = (name: string, digest: string) => ({ name, digest, sourceType: 'local', source: name, schema: null, profile: null });
      for (const id of ['a', 'b']) store.runs.insert({ id, experiment: 'e', name: id, status: 'FINISHED', startTime: 1, endTime: null, sourceKind: 'api', sourcePath: null });
      const raw = store.datasets.addRunInput('a', ds('raw', 'sha256:01'), {}, 1);
      const clean = store.datasets.addRunOutput('a', ds('clean', 'sha256:02'), null, 1);
      store.datasets.addRunInput('b', ds('other', 'sha256:03'), {}, 1);

      const whole = (await send(core, 'GET', '/api/v1/lineage')).json() as unknown as LineageGraph;
      expect(whole.nodes).toHaveLength(5);
      const focused = await send(core, 'GET', `/api/v1/lineage?focus=dataset:${clean}&direction=upstream`);
      expect(focused.status).toBe(200);
      expect((focused.json() as unknown as LineageGraph).nodes.map((n) => n.id).sort()).toEqual([`dataset:${clean}`, `dataset:${raw}`, 'run:a'].sort());
      const unknown = await send(core, 'GET', '/api/v1/lineage?focus=run:zzz');
      expect(unknown.status).toBe(404);
      expect(unknown.json()).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });

      store.datasets.upsert(ds('raw', 'sha256:04'), 2);
      const list = async (filter: string) =>
        ((await core.dispatch('listRuns', { filter })) as { runs: RunSummary[] }).runs.map((r) => [r.id, r.newerDataAvailable]);
      expect(await list("attributes.newer_data = 'true'")).toEqual([['a', true]]);
      expect(await list("attributes.newer_data = 'false'")).toEqual([['b', false]]);
    } finally {
      await core.close();
    }
  });
});
