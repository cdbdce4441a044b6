import { describe, expect, it } from 'vitest';
import type { SyncDone, SyncProgress } from '../../../../src-shared/sync';
import { noticeText, syncStatusView } from './sync-status-model';

const progress = (jobId: string): SyncProgress => ({ jobId, direction: 'push', remote: 'team', runsDone: 1, runsTotal: 3, points: 0, pointsTotal: 0, bytes: 0, bytesTotal: 0, currentRun: null });
const done = (jobId: string, fields: Partial<SyncDone> = {}): SyncDone => ({ jobId, direction: 'push', remote: 'team', outcome: 'done', runs: [{ localId: 'a', remoteId: 'r' }], points: 10, bytes: 0, error: null, ...fields });

describe('top bar sync status', () => {
  it('lists running jobs and the newest ending worth a notice (this window’s own, or any failure) until dismissed', () => {
    const byId = {
      mine: { progress: progress('mine'), done: done('mine') },
      poll: { progress: null, done: done('poll', { direction: 'pull' }) },
      running: { progress: progress('running'), done: null },
    };
    expect(syncStatusView(byId, { mine: true }, {})).toEqual({ running: [{ id: 'running', progress: progress('running') }], notice: done('mine') });
    // Another window's quiet success is no news; its failure is.
    expect(syncStatusView(byId, {}, {}).notice).toBeNull();
    const failed = { ...byId, other: { progress: null, done: done('other', { outcome: 'failed', error: 'HTTP 401' }) } };
    expect(syncStatusView(failed, { mine: true }, {}).notice?.jobId).toBe('other');
    // Dismissing the newest clears the bar: the older ending is old news.
    expect(syncStatusView(failed, { mine: true }, { other: true }).notice).toBeNull();
  });

  it('words each ending', () => {
    expect(noticeText(done('a', { runs: [] , outcome: 'cancelled' }))).toBe('Push to team cancelled after 0 runs');
    expect(noticeText(done('a', { direction: 'pull' }))).toBe('Imported 1 run from team');
    expect(noticeText(done('a', { outcome: 'failed', remote: '' }))).toBe('Push failed');
  });
});
