// The lineage graph at scale: ~5,000 nodes in chains raw → prepare run → clean → 3 training runs
// (fan-out; each also reads one of a few shared label sets: fan-in) → a model and a metrics
// artifact each, with every fifth raw dataset in a second version. Times getLineage through the
// core's dispatch (as the lineage page asks): the whole graph, and upstream of one model; and
// listRuns, whose summaries carry newerDataAvailable. Prints median figures, asserts nothing
// beyond the graph having the size it was built to have.
//   npx tsx bench/lineage.bench.ts        (LINEAGE_BENCH_CHAINS=410)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/core';
import type { LineageGraph, RunSummary } from '../src-shared/domain';
import type { DatasetRecord } from '../src-main/core/store/dataset-repo';
import { medianMs } from './lib/median-ms';

const CHAINS = Number(process.env.LINEAGE_BENCH_CHAINS ?? 410);
const TRAINS = 3;
const LABEL_SETS = 10;
const REPEATS = 7;

const version = (name: string, digest: string, rows: number): DatasetRecord => ({ name, digest, sourceType: 'local', source: `/data/${name}`, schema: null, profile: null, rows });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'runlens-bench-'));
  const core = await createCore({ dataDir: dir, uiDir: dir, resourcesDir: dir, version: 'bench', log: () => {} });
  try {
    const { store } = core;
    const t0 = performance.now();
    let t = 1_764_000_000_000;
    store.tx(() => {
      const run = (id: string) => store.runs.insert({ id, experiment: 'lineage', name: id, status: 'FINISHED', startTime: t++, endTime: t, sourceKind: 'api', sourcePath: null });
      run('seed');
      const experimentId = store.runs.summary('seed')!.experimentId;
      for (let c = 0; c < CHAINS; c++) {
        run(`prep${c}`);
        store.datasets.addRunInput(`prep${c}`, version(`raw${c}.csv`, `sha256:raw${c}`, 1000 + c), {}, t++);
        const clean = version(`clean${c}.parquet`, `sha256:clean${c}`, 900 + c);
        store.datasets.addRunOutput(`prep${c}`, clean, null, t++);
        for (let k = 0; k < TRAINS; k++) {
          const id = `train${c}_${k}`;
          run(id);
          store.datasets.addRunInput(id, clean, { 'mlflow.data.context': 'train' }, t++);
          store.datasets.addRunInput(id, version(`labels${(c + k) % LABEL_SETS}.csv`, `sha256:labels${(c + k) % LABEL_SETS}`, 50), { 'mlflow.data.context': 'labels' }, t++);
          store.datasets.addRunOutput(id, { ...version(`metrics${c}_${k}.json`, `sha256:m${c}_${k}`, 1), kind: 'artifact' }, null, t++);
          store.models.create({ id: `m-${c}-${k}`, experimentId, sourceRunId: id, name: `model${c}_${k}`, artifactUri: `/models/${c}/${k}`, status: 'READY', modelType: '', tags: {}, params: {} }, t++);
        }
        if (c % 5 === 0) store.datasets.upsert(version(`raw${c}.csv`, `sha256:raw${c}-v2`, 1100 + c), t++);
      }
    });
    const lineage = async (input: object) => (await core.dispatch('getLineage', input)) as LineageGraph;
    const whole = await lineage({});
    const focus = `model:m-${CHAINS - 1}-0`;
    const upstream = await lineage({ focus, direction: 'upstream' });
    const stale = whole.nodes.filter((n) => n.newerDataAvailable).length;
    console.log(`Stored ${whole.nodes.length} nodes, ${whole.edges.length} edges (${stale} with newer data available) in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(2)})`);
    if (whole.nodes.length < 5000) throw new Error(`only ${whole.nodes.length} nodes`);

    const wholeMs = await medianMs(REPEATS, () => lineage({}));
    const upstreamMs = await medianMs(REPEATS, () => lineage({ focus, direction: 'upstream' }));
    const listRuns = async () => ((await core.dispatch('listRuns', {})) as { runs: RunSummary[] }).runs;
    const runs = (await listRuns()).length;
    const listMs = await medianMs(REPEATS, listRuns);
    const staleFilterMs = await medianMs(REPEATS, () => core.dispatch('listRuns', { filter: "attributes.newer_data = 'true'" }));
    console.log(`\nLineage over ${whole.nodes.length} nodes (median of ${REPEATS})`);
    console.log('| query | ms | nodes | edges |\n|---|---|---|---|');
    console.log(`| getLineage() whole graph | ${wholeMs.toFixed(1)} | ${whole.nodes.length} | ${whole.edges.length} |`);
    console.log(`| getLineage({focus: ${focus}, upstream}) | ${upstreamMs.toFixed(1)} | ${upstream.nodes.length} | ${upstream.edges.length} |`);
    console.log(`| listRuns (newerDataAvailable on each) | ${listMs.toFixed(1)} | ${runs} runs | — |`);
    console.log(`| listRuns \`attributes.newer_data = 'true'\` | ${staleFilterMs.toFixed(1)} | — | — |`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
