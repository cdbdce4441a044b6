import type { RunSummary } from '../../../src-shared/domain';

/** A finished run summary for unit tests: every field filled, `fields` on top. */
export function makeRun(id: string, fields: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    experimentId: '1',
    experiment: 'exp',
    name: id,
    status: 'FINISHED',
    startTime: 0,
    endTime: 1,
    lastHeartbeat: 1,
    sourceKind: 'api',
    sourcePath: null,
    userId: '',
    artifactUri: null,
    lifecycleStage: 'active',
    params: {},
    tags: {},
    metrics: [],
    newerDataAvailable: false,
    sync: null,
    ...fields,
  };
}
