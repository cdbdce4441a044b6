import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { parseCoreEvent } from '../api/core-event-schema';
import { useSyncJobsStore } from './sync-jobs-store';

const getSyncJob = vi.hoisted(() => vi.fn());
vi.mock('../api/client', () => ({ api: { getSyncJob } }));

const progress = { jobId: 'j1', direction: 'push', remote: 'team', runsDone: 1, runsTotal: 2, points: 5, pointsTotal: 10, bytes: 0, bytesTotal: 0, currentRun: 'r1' } as const;

describe('sync jobs store', () => {
  it('reads sync events from the wire and refuses malformed ones', () => {
    expect(parseCoreEvent({ type: 'sync.progress', data: progress })).not.toBeNull();
    expect(parseCoreEvent({ type: 'sync.progress', data: { ...progress, points: '5' } })).toBeNull();
    const done = { jobId: 'j1', direction: 'pull', remote: 'team', outcome: 'failed', runs: [], points: 0, bytes: 0, error: 'HTTP 401' };
    expect(parseCoreEvent({ type: 'sync.done', data: done })).not.toBeNull();
    expect(parseCoreEvent({ type: 'sync.done', data: { ...done, outcome: 'maybe' } })).toBeNull();
  });

  it('marks the jobs this window started, and after a reconnect says so of one the core forgot, keeping what it knew', async () => {
    const { started, progressed, refetch } = useSyncJobsStore.getState();
    progressed({ ...progress, jobId: 'elsewhere' });
    started('j1');
    progressed(progress);
    getSyncJob.mockRejectedValue(new ApiError('RESOURCE_DOES_NOT_EXIST', "Sync job 'j1' does not exist"));
    await refetch();
    const state = useSyncJobsStore.getState();
    expect(state.ours).toEqual({ j1: true });
    expect(state.byId.j1?.done).toMatchObject({ outcome: 'failed', direction: 'push', remote: 'team', points: 5 });
    expect(state.byId.j1?.done?.error).toContain('lost track of the job');
  });
});
