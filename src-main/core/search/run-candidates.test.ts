import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RunSummary } from '../../../src-shared/domain';
import { parseFilter } from '../../../src-shared/search/filter-parser';
import { RUN_SEARCH } from '../../../src-shared/search/filter-schema';
import { matchesAll } from '../../../src-shared/search/match-records';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';
import { runSearchRecord } from './run-search';

const tempDir = useTempDirs();

describe('SQL narrowing of a runs search', () => {
  it('finds exactly the runs the evaluator alone finds, for any mix of narrowable clauses', async () => {
    const core = await startTestCore(tempDir());
    const models = ['resnet50', 'ResNet18', 'res_net', 'résnet', 'RÉSNET', '😀x', undefined];
    const lrs = ['0.001', '0.0010', '1e-3', undefined];
    const losses = [0.2, NaN, Infinity, -Infinity, 0.3, undefined];
    for (let i = 0; i < 42; i++) {
      const [model, lr, loss] = [models[i % 7], lrs[i % 4], losses[i % 6]];
      const { run } = (await core.dispatch('createRun', { name: `r${i}`, params: lr ? { lr } : {}, tags: model ? { model } : {} })) as { run: RunSummary };
      if (loss !== undefined) await core.dispatch('logRun', { id: run.id, metrics: [{ key: 'loss', value: String(loss) === 'NaN' ? 'NaN' : loss, step: 0 }] });
    }
    const all = core.store.runs.list();
    const clause = fc.oneof(
      fc.tuple(fc.constantFrom('<', '<=', '>', '>=', '=', '!='), fc.constantFrom(0.2, 0.3, 0, -1, 1e9)).map(([op, v]) => `metrics.loss ${op} ${v}`),
      fc.tuple(fc.constantFrom('params.lr', 'tags.model'), fc.constantFrom('=', '!=', 'LIKE', 'ILIKE'), fc.constantFrom('0.001', '%0%', 'resnet%', 'RES%', 'res_net', '_x', '__x', '😀%', '%NET%', '_%', 'résnet'))
        .map(([key, op, v]) => `${key} ${op} '${v}'`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(clause, { minLength: 1, maxLength: 3 }), async (parts) => {
        const filter = parts.join(' and ');
        const clauses = parseFilter(filter, RUN_SEARCH);
        const expected = all.filter((r) => matchesAll(runSearchRecord(r, []), clauses)).map((r) => r.name);
        const { runs } = (await core.dispatch('listRuns', { filter })) as { runs: RunSummary[] };
        expect(runs.map((r) => r.name), filter).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    await core.close();
  });
});
