import { describe, expect, it } from 'vitest';
import type { RunSync } from '../../../../src-shared/sync';
import { makeRun } from '../../test-support/make-run';
import { filterRuns, sortRuns } from '../runs/filter-sort-runs';
import { buildColumns } from '../runs/run-columns';
import { progressFraction, syncLabel, syncRank } from './sync-state';

const sync = (fields: Partial<RunSync>): RunSync => ({
  state: 'pushed',
  remote: 'team',
  remoteRunId: 'r1',
  remoteExperimentId: '7',
  live: false,
  syncedAt: null,
  error: null,
  ...fields,
});

describe('sync label', () => {
  it('says where the run stands, live and failing included, in the badge and its tooltip', () => {
    expect(syncLabel(sync({}))).toMatchObject({ glyph: '✓', word: 'pushed', live: false, error: null });
    expect(syncLabel(sync({})).title).toBe('Pushed to team: it has everything this run holds');
    const behind = syncLabel(sync({ state: 'behind', live: true, error: 'HTTP 503 from team' }));
    expect(behind).toMatchObject({ glyph: '↑', word: 'behind', live: true, error: 'HTTP 503 from team' });
    expect(behind.title.split('\n')).toEqual([
      'Pushed to team, which lacks what this run logged since: push again to catch up',
      'Live push to team is on: new points follow while the run is running',
      'Last attempt failed: HTTP 503 from team',
    ]);
    const copy = syncLabel(sync({ state: 'remote', remoteRunId: 'abc123', syncedAt: new Date(2026, 0, 2, 3, 4).getTime() }));
    expect(copy.glyph).toBe('⇣');
    expect(copy.title).toBe('Read-only copy of run abc123 on team\nLast pulled 2026-01-02 03:04');
  });

  it('sorts runs needing attention first and local-only runs last; the quick filter finds sync:<state>', () => {
    const runs = [
      makeRun('local'),
      makeRun('copy', { sync: sync({ state: 'remote' }) }),
      makeRun('ok', { sync: sync({}) }),
      makeRun('behind', { sync: sync({ state: 'behind', live: true }) }),
      makeRun('broken', { sync: sync({ error: 'refused' }) }),
    ];
    expect(sortRuns(runs, { column: 'sync', direction: 'asc' }, 0).map((r) => r.id)).toEqual(['broken', 'behind', 'ok', 'copy', 'local']);
    expect(syncRank(null)).toBeNull();
    expect(filterRuns(runs, 'sync:behind').map((r) => r.id)).toEqual(['behind']);
    expect(filterRuns(runs, 'sync:live').map((r) => r.id)).toEqual(['behind']);
    expect(filterRuns(runs, 'sync:error').map((r) => r.id)).toEqual(['broken']);
    expect(filterRuns(runs, 'sync:local').map((r) => r.id)).toEqual(['local']);
  });

  it('shows the sync column only once some run was pushed or pulled', () => {
    expect(buildColumns([]).map((c) => c.id)).not.toContain('sync');
    expect(buildColumns([], true).map((c) => c.id).slice(0, 5)).toEqual(['select', 'swatch', 'status', 'sync', 'name']);
  });
});

describe('progress fraction', () => {
  const none = { runsDone: 0, runsTotal: 0, points: 0, pointsTotal: 0, bytes: 0, bytesTotal: 0 };
  it('weighs points and bytes once known, runs before that', () => {
    expect(progressFraction(none)).toBe(0);
    expect(progressFraction({ ...none, runsDone: 1, runsTotal: 4 })).toBe(0.25);
    expect(progressFraction({ ...none, runsDone: 1, runsTotal: 4, points: 50, pointsTotal: 100 })).toBe(0.5);
    expect(progressFraction({ ...none, points: 100, pointsTotal: 100, bytes: 0, bytesTotal: 10 })).toBe(0.5);
    // A total that grew late never makes the bar pass its end.
    expect(progressFraction({ ...none, points: 120, pointsTotal: 100 })).toBe(1);
  });
});
