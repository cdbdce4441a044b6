import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-dir';
import { ingestAll, sourceHarness } from '../../test-support/source-harness';
import { readLineage } from '../../lineage/lineage-rows';
import { buildLineageGraph } from '../../lineage/lineage-graph';
import { DvcProjectSource } from './dvc-project-source';

const tempDir = useTempDirs();

const YAML = `stages:
  prepare:
    cmd: python prepare.py
    deps: [raw.csv]
    outs: [clean.csv]
  train:
    cmd: python train.py
    deps: [clean.csv]
    outs: [model.pkl]
    metrics:
    - metrics.json:
        cache: false
`;

const entry = (path: string, md5: string) => `    - path: ${path}\n      hash: md5\n      md5: ${md5}\n      size: 12\n`;
const lock = (raw: string, clean: string) => `schema: '2.0'
stages:
  prepare:
    cmd: python prepare.py
    deps:
${entry('raw.csv', raw)}    outs:
${entry('clean.csv', clean)}  train:
    cmd: python train.py
    deps:
${entry('clean.csv', clean)}    params:
      params.yaml:
        lr: 0.1
    outs:
${entry('metrics.json', 'm1')}${entry('model.pkl', `p${clean}`)}`;

function setup() {
  const h = sourceHarness(tempDir(), (s, hub) => new DvcProjectSource(s, hub));
  const root = join(tempDir(), 'watched');
  const dir = join(root, 'pipeline');
  mkdirSync(join(dir, '.dvc', 'cache'), { recursive: true });
  writeFileSync(join(dir, 'dvc.yaml'), YAML);
  return { ...h, root, dir };
}

const edges = (store: Parameters<typeof readLineage>[0]) => {
  const g = buildLineageGraph(readLineage(store));
  const label = new Map(g.nodes.map((n) => [n.id, n.kind === 'run' ? `${n.label}${n.newerDataAvailable ? '*' : ''}` : `${n.label}@${n.version}`]));
  return g.edges.map((e) => `${label.get(e.from)} -${e.kind}-> ${label.get(e.to)}`).sort();
};

describe('DvcProjectSource', () => {
  it('imports each locked stage as a run with its deps as inputs and outs as outputs; re-reading writes nothing new', async () => {
    const { store, source, root, dir } = setup();
    expect(await ingestAll(source, root)).toEqual({ points: 0, problems: [], runIds: [] });
    writeFileSync(join(dir, 'dvc.lock'), lock('r1', 'c1'));
    const first = await ingestAll(source, root);
    expect(first.problems).toEqual([]);
    expect(first.runIds).toHaveLength(2);
    const train = store.runs.list().find((r) => r.name === 'train')!;
    expect(train).toMatchObject({ experiment: 'pipeline', sourceKind: 'dvc', status: 'FINISHED', sourcePath: dir, params: { lr: '0.1' }, tags: { 'dvc.cmd': 'python train.py' }, newerDataAvailable: false });
    expect(edges(store.db)).toEqual([
      'clean.csv@1 -input-> train',
      'clean.csv@1 -derived-> model.pkl@1',
      'clean.csv@1 -derived-> metrics.json@1',
      'prepare -output-> clean.csv@1',
      'raw.csv@1 -derived-> clean.csv@1',
      'raw.csv@1 -input-> prepare',
      'train -output-> metrics.json@1',
      'train -output-> model.pkl@1',
    ].sort());
    const raw = store.db.prepare(`SELECT digest, kind, uri, format, size_bytes FROM datasets WHERE name = 'raw.csv'`).get();
    expect(raw).toEqual({ digest: 'md5:r1', kind: 'dataset', uri: join(dir, 'raw.csv'), format: 'csv', size_bytes: 12 });
    expect(store.db.prepare(`SELECT kind FROM datasets WHERE name = 'metrics.json'`).pluck().get()).toBe('artifact');
    expect((await ingestAll(source, root)).runIds.sort()).toEqual(first.runIds.sort());
    expect(store.runs.list()).toHaveLength(2);
  });

  it('a repro on new raw data adds runs for the stages that ran again; the earlier ones have newer data available', async () => {
    const { store, source, root, dir } = setup();
    writeFileSync(join(dir, 'dvc.lock'), lock('r1', 'c1'));
    await ingestAll(source, root);
    writeFileSync(join(dir, 'dvc.lock'), lock('r2', 'c2'));
    expect((await ingestAll(source, root)).problems).toEqual([]);
    expect(store.runs.list().map((r) => `${r.name}:${r.newerDataAvailable}`).sort()).toEqual(['prepare:false', 'prepare:true', 'train:false', 'train:true']);
    expect(edges(store.db)).toContain('raw.csv@2 -input-> prepare');
    expect(edges(store.db)).toContain('raw.csv@1 -input-> prepare*');
    expect(edges(store.db)).toContain('clean.csv@1 -input-> train*');
  });
});
