import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/store';
import { EventHub } from '../../events/event-hub';
import { useTempDirs } from '../../test-support/temp-dir';
import { sourceHarness } from '../../test-support/source-harness';
import { createMlflowDb, insertMetrics, insertRun } from '../../test-support/mlflow-stores';
import { MlflowDbSource, METRIC_SLICE_ROWS, watermarkKey } from './db-source';

const tempDir = useTempDirs();
const RUN = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

function setup() {
  const data = tempDir();
  const h = sourceHarness(data, (s, hub) => new MlflowDbSource(s, hub));
  const file = join(tempDir(), 'mlflow.db');
  const mlflow = createMlflowDb(file);
  return { data, ...h, file, mlflow };
}

const steps = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ value: (from + i) / 10, step: from + i }));

describe('MlflowDbSource', () => {
  it('imports experiments, runs, params, tags, inputs and metrics', async () => {
    const { store, file, mlflow, source } = setup();
    mlflow.exec(`
      INSERT INTO experiments VALUES (3, 'exp one', 'file:///m/3', 'active', 1700000000000, 1700000000000, 'default');
      INSERT INTO experiment_tags VALUES ('team', 'vision', 3);
      INSERT INTO params VALUES ('lr', '0.1', '${RUN}');
      INSERT INTO tags VALUES ('mlflow.runName', 'first', '${RUN}'), ('mlflow.parentRunId', 'p', '${RUN}'), ('empty', NULL, '${RUN}');
      INSERT INTO datasets VALUES ('d1', 3, 'ds', 'abc', 'local', '{}', NULL, NULL);
      INSERT INTO inputs VALUES ('i1', 'DATASET', 'd1', 'RUN', '${RUN}', 0);
      INSERT INTO input_tags VALUES ('i1', 'mlflow.data.context', 'training');
    `);
    insertRun(mlflow, RUN, { name: 'first', status: 'FINISHED', end_time: 1700000000900, experiment_id: 3, artifact_uri: 'file:///m/3/a/artifacts' });
    insertMetrics(mlflow, RUN, 'loss', [{ value: 1, step: 0 }, { value: 0, step: 1, isNan: true }, { value: Number.MAX_VALUE, step: 2 }, { value: -Number.MAX_VALUE, step: 3 }]);
    expect(await source.findUnits(file, [])).toEqual([file]);
    expect(await source.ingest(file)).toEqual({ runIds: [RUN], points: 4, problems: [] });
    expect(store.runs.summary(RUN)).toMatchObject({
      name: 'first',
      experiment: 'exp one',
      status: 'FINISHED',
      endTime: 1700000000900,
      userId: 'bob',
      sourceKind: 'mlflow-db',
      sourcePath: file,
      artifactUri: '/m/3/a/artifacts',
      params: { lr: '0.1' },
      tags: { 'mlflow.runName': 'first', 'mlflow.parentRunId': 'p', empty: '' },
    });
    expect(Array.from(store.metrics.read(RUN, 'loss')!.value)).toEqual([1, NaN, Infinity, -Infinity]);
    expect(store.experiments.byName('exp one')).toMatchObject({ tags: { team: 'vision' }, artifactLocation: 'file:///m/3' });
    expect(store.datasets.inputsOf(RUN)[0]).toMatchObject({ dataset: { name: 'ds', digest: 'abc' }, tags: { 'mlflow.data.context': 'training' } });
  });

  it('reads only the metric rows after the committed watermark, across restarts', async () => {
    const { data, store, hub, file, mlflow, source } = setup();
    insertRun(mlflow, RUN);
    insertMetrics(mlflow, RUN, 'loss', steps(0, 10));
    expect((await source.ingest(file)).points).toBe(10);
    expect((await source.ingest(file)).points).toBe(0);
    expect(store.watch.offset(watermarkKey(file))).toBe(10);
    insertMetrics(mlflow, RUN, 'loss', steps(10, 15));
    store.close();
    const reopened = openStore(join(data, 'db.sqlite'));
    expect((await new MlflowDbSource(reopened, hub).ingest(file)).points).toBe(5);
    expect(Array.from(reopened.metrics.read(RUN, 'loss')!.step)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    reopened.close();
  });

  it('commits big tables slice by slice and does not duplicate when ingests race', async () => {
    const { store, file, mlflow, source } = setup();
    insertRun(mlflow, RUN);
    insertMetrics(mlflow, RUN, 'loss', steps(0, METRIC_SLICE_ROWS * 2 + 5));
    const other = new MlflowDbSource(store, new EventHub(() => null));
    const results = await Promise.all([source.ingest(file), other.ingest(file), source.ingest(file)]);
    expect(results.reduce((a, r) => a + r.points, 0)).toBe(METRIC_SLICE_ROWS * 2 + 5);
    expect(store.runs.summary(RUN)!.metrics[0]!.count).toBe(METRIC_SLICE_ROWS * 2 + 5);
  });

  it('writes a run again only when it changed, and mirrors tag deletions', async () => {
    const { store, hub, file, mlflow, source } = setup();
    insertRun(mlflow, RUN);
    mlflow.exec(`INSERT INTO tags VALUES ('a', '1', '${RUN}'), ('b', '2', '${RUN}')`);
    await source.ingest(file);
    hub.flush();
    const seen: string[] = [];
    hub.subscribe((e) => e.type === 'run.updated' && seen.push(e.data.run.id));
    await source.ingest(file);
    hub.flush();
    expect(seen).toEqual([]);
    mlflow.exec(`DELETE FROM tags WHERE key = 'a'; UPDATE runs SET status = 'KILLED', lifecycle_stage = 'deleted', deleted_time = 5`);
    await source.ingest(file);
    hub.flush();
    expect(seen).toEqual([RUN]);
    expect(store.runs.summary(RUN)).toMatchObject({ status: 'KILLED', lifecycleStage: 'deleted', tags: { b: '2' } });
    expect(store.runs.summary(RUN)!.tags).not.toHaveProperty('a');
  });

  it('reports a shrunken metrics table and reads new rows from its new end', async () => {
    const { store, file, mlflow, source } = setup();
    insertRun(mlflow, RUN);
    insertMetrics(mlflow, RUN, 'loss', steps(0, 10));
    await source.ingest(file);
    mlflow.exec('DELETE FROM metrics WHERE step >= 5');
    expect((await source.ingest(file)).problems[0]).toContain('shrank');
    insertMetrics(mlflow, RUN, 'acc', steps(0, 2));
    expect((await source.ingest(file)).points).toBe(2);
    expect(store.runs.summary(RUN)!.metrics.map((m) => [m.key, m.count])).toEqual([['acc', 2], ['loss', 10]]);
  });

  it('reports files that are not MLflow databases instead of throwing', async () => {
    const { source } = setup();
    const dir = tempDir();
    const junk = join(dir, 'mlflow.db');
    writeFileSync(junk, 'not a database at all, just text that is long enough');
    expect(await source.findUnits(junk, [])).toEqual([]);
    expect((await source.ingest(junk)).problems[0]).toMatch(/mlflow\.db: /);
    const other = join(dir, 'other.db');
    createMlflowDb(other).exec('DROP TABLE metrics');
    expect((await source.ingest(other)).problems[0]).toContain('not an MLflow tracking database (no metrics table)');
    expect((await source.ingest(join(dir, 'missing.db'))).problems[0]).toContain('cannot open');
  });

  it('names its units from the path: mlflow.db and its -wal, or a file it was given', async () => {
    const { source, file } = setup();
    expect(source.unitFor('/x/mlflow.db')).toBe('/x/mlflow.db');
    expect(source.unitFor('/x/mlflow.db-wal')).toBe('/x/mlflow.db');
    expect(source.unitFor('/x/mlflow.db-journal')).toBeNull();
    expect(source.unitFor('/x/tracking.sqlite')).toBeNull();
    const renamed = file.replace('mlflow.db', 'tracking.sqlite');
    createMlflowDb(renamed);
    await source.findUnits(renamed, []);
    expect(source.unitFor(`${renamed}-wal`)).toBe(renamed);
    expect(await source.findUnits(join(file, '..'), [])).toEqual([file]);
  });
});
