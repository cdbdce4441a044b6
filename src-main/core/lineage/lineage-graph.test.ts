import { describe, expect, it } from 'vitest';
import type { LineageGraph } from '../../../src-shared/domain';
import { useTempDirs } from '../test-support/temp-dir';
import { storeHarness } from '../test-support/source-harness';
import type { Store } from '../store/store';
import type { DatasetRecord } from '../store/dataset-repo';
import { readLineage } from './lineage-rows';
import { buildLineageGraph } from './lineage-graph';
import { focusSubgraph } from './focus-subgraph';

const tempDir = useTempDirs();

const version = (name: string, digest: string, rows?: number): DatasetRecord => ({ name, digest, sourceType: 'local', source: `/d/${name}`, schema: null, profile: null, rows });

/** The issue's pipeline: raw → run A → clean → runs B and C → model from C. */
function pipeline() {
  const { store } = storeHarness(tempDir());
  const run = (id: string) => store.runs.insert({ id, experiment: 'lineage', name: id, status: 'FINISHED', startTime: id.charCodeAt(0), endTime: null, sourceKind: 'api', sourcePath: null });
  ['A', 'B', 'C', 'D'].forEach(run);
  const raw = store.datasets.addRunInput('A', version('raw.csv', 'sha256:aaaaaaaaaaaaaaaa', 1204), { 'mlflow.data.context': 'source' }, 1);
  const clean = store.datasets.addRunOutput('A', version('clean.csv', 'sha256:cccccccccccccccc'), null, 2);
  store.datasets.addRunInput('B', version('clean.csv', 'sha256:cccccccccccccccc'), { 'mlflow.data.context': 'train' }, 3);
  store.datasets.addRunInput('C', version('clean.csv', 'sha256:cccccccccccccccc'), { 'mlflow.data.context': 'train' }, 3);
  store.models.create({ id: 'm-1', experimentId: '1', sourceRunId: 'C', name: 'classifier', artifactUri: '/a', status: 'READY', modelType: '', tags: {}, params: {} }, 4);
  return { store, raw, clean };
}

const graphOf = (store: Store) => buildLineageGraph(readLineage(store.db));
const ids = (g: LineageGraph) => g.nodes.map((n) => n.id).sort();
const edgeList = (g: LineageGraph) => g.edges.map((e) => `${e.from} -${e.kind}${e.context ? `(${e.context})` : ''}${e.viaRunId ? `[${e.viaRunId}]` : ''}-> ${e.to}`).sort();

describe('lineage graph', () => {
  it('has the pipeline’s exact nodes and edges; a run without inputs or outputs is left out', () => {
    const { store, raw, clean } = pipeline();
    const g = graphOf(store);
    expect(ids(g)).toEqual([`dataset:${clean}`, `dataset:${raw}`, 'model:m-1', 'run:A', 'run:B', 'run:C'].sort());
    expect(edgeList(g)).toEqual([
      `dataset:${clean} -input(train)-> run:B`,
      `dataset:${clean} -input(train)-> run:C`,
      `dataset:${raw} -derived[A]-> dataset:${clean}`,
      `dataset:${raw} -input(source)-> run:A`,
      `run:A -output-> dataset:${clean}`,
      'run:C -output-> model:m-1',
    ].sort());
    expect(g.nodes.find((n) => n.id === `dataset:${raw}`)).toEqual({
      id: `dataset:${raw}`, kind: 'dataset', label: 'raw.csv', detail: 'sha256:aaaaaaaa · 1,204 rows', datasetName: 'raw.csv', version: 1, newerVersion: false, newerDataAvailable: false,
    });
    expect(g.nodes.find((n) => n.id === 'run:C')).toEqual({ id: 'run:C', kind: 'run', label: 'C', detail: 'lineage · FINISHED', runId: 'C', newerVersion: false, newerDataAvailable: false });
    expect(g.nodes.find((n) => n.id === 'model:m-1')).toEqual({ id: 'model:m-1', kind: 'model', label: 'classifier', detail: 'READY', modelId: 'm-1', runId: 'C', newerVersion: false, newerDataAvailable: false });
  });

  it('a new version of raw flags everything downstream of the old one, and the old one itself as superseded', () => {
    const { store, raw, clean } = pipeline();
    const raw2 = store.datasets.upsert(version('raw.csv', 'sha256:bbbbbbbbbbbbbbbb'), 10);
    const g = graphOf(store);
    const flags = Object.fromEntries(g.nodes.map((n) => [n.id, [n.version ?? null, n.newerVersion, n.newerDataAvailable]]));
    expect(flags).toEqual({
      [`dataset:${raw}`]: [1, true, false],
      [`dataset:${raw2}`]: [2, false, false],
      [`dataset:${clean}`]: [1, false, true],
      'run:A': [null, false, true],
      'run:B': [null, false, true],
      'run:C': [null, false, true],
      'model:m-1': [null, false, true],
    });
    expect(store.runs.list().map((r) => [r.id, r.newerDataAvailable])).toEqual([['D', false], ['C', true], ['B', true], ['A', true]]);
    expect(store.runs.summary('C')!.newerDataAvailable).toBe(true);
  });

  it('run summaries follow writes: a new version, a rolled-back one, a deleted producer', () => {
    const { store } = pipeline();
    expect(store.runs.summary('B')!.newerDataAvailable).toBe(false);
    expect(() =>
      store.tx(() => {
        store.datasets.upsert(version('raw.csv', 'sha256:bbbb'), 10);
        expect(store.runs.summary('B')!.newerDataAvailable).toBe(true);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(store.runs.summary('B')!.newerDataAvailable).toBe(false);
    store.datasets.upsert(version('raw.csv', 'sha256:dddd'), 10);
    expect(store.runs.summary('B')!.newerDataAvailable).toBe(true);
    store.runs.setLifecycle('A', 'deleted', 11);
    expect(store.runs.summary('B')!.newerDataAvailable).toBe(false);
  });

  it('focus: a model’s upstream, a dataset’s downstream, both sides of a run', () => {
    const { store, raw, clean } = pipeline();
    const g = graphOf(store);
    expect(ids(focusSubgraph(g, 'model:m-1', 'upstream'))).toEqual([`dataset:${clean}`, `dataset:${raw}`, 'model:m-1', 'run:A', 'run:C'].sort());
    expect(edgeList(focusSubgraph(g, 'model:m-1', 'upstream'))).toHaveLength(5);
    expect(ids(focusSubgraph(g, `dataset:${clean}`, 'downstream'))).toEqual([`dataset:${clean}`, 'model:m-1', 'run:B', 'run:C']);
    const both = focusSubgraph(g, 'run:A', 'both');
    expect(ids(both)).toEqual(ids(g));
    expect(edgeList(both)).toEqual(edgeList(g));
    expect(() => focusSubgraph(g, 'run:nope', 'both')).toThrow(expect.objectContaining({ code: 'RESOURCE_DOES_NOT_EXIST' }));
  });
});

