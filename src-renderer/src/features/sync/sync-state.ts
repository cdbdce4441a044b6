// How a run's place on a remote reads in the runs table and the run header: a glyph and a word
// for the cell, a sentence for the tooltip. Pure, so the wording is tested once for both.
import { formatCount, formatDateTime } from '../../../../src-shared/format';
import type { RunSync, SyncProgress, SyncState } from '../../../../src-shared/sync';

export interface SyncLabel {
  state: SyncState;
  glyph: string;
  word: string;
  /** Everything the badge stands for, for its tooltip. */
  title: string;
  live: boolean;
  error: string | null;
}

const GLYPHS: Record<SyncState, { glyph: string; word: string }> = {
  pushed: { glyph: '✓', word: 'pushed' },
  behind: { glyph: '↑', word: 'behind' },
  remote: { glyph: '⇣', word: 'remote' },
};

function stateSentence(sync: RunSync): string {
  switch (sync.state) {
    case 'pushed':
      return `Pushed to ${sync.remote}: it has everything this run holds`;
    case 'behind':
      return `Pushed to ${sync.remote}, which lacks what this run logged since: push again to catch up`;
    case 'remote':
      return `Read-only copy of run ${sync.remoteRunId} on ${sync.remote}`;
  }
}

export function syncLabel(sync: RunSync): SyncLabel {
  const lines = [stateSentence(sync)];
  if (sync.live) lines.push(`Live push to ${sync.remote} is on: new points follow while the run is running`);
  if (sync.syncedAt !== null) lines.push(`Last ${sync.state === 'remote' ? 'pulled' : 'pushed'} ${formatDateTime(sync.syncedAt)}`);
  if (sync.error) lines.push(`Last attempt failed: ${sync.error}`);
  return { state: sync.state, ...GLYPHS[sync.state], title: lines.join('\n'), live: sync.live, error: sync.error };
}

/** Sort order of the sync column: what needs attention first (errors, behind), local-only runs last (null). */
export function syncRank(sync: RunSync | null): number | null {
  if (!sync) return null;
  if (sync.error) return 0;
  return { behind: 1, pushed: 2, remote: 3 }[sync.state];
}

/** The words the quick filter finds a run by (`sync:behind`, `sync:live`, the remote's name). */
export function syncSearchTerms(sync: RunSync | null): string[] {
  if (!sync) return ['sync:local'];
  return [`sync:${sync.state}`, sync.remote, ...(sync.live ? ['sync:live'] : []), ...(sync.error ? ['sync:error'] : [])];
}

/**
 * How far a job is, 0 to 1: points and bytes each weigh by how much of the job they are known
 * to be; before the job has planned them, finished runs are all there is to go by.
 */
export function progressFraction(p: Pick<SyncProgress, 'runsDone' | 'runsTotal' | 'points' | 'pointsTotal' | 'bytes' | 'bytesTotal'>): number {
  const parts: number[] = [];
  if (p.pointsTotal > 0) parts.push(Math.min(1, p.points / p.pointsTotal));
  if (p.bytesTotal > 0) parts.push(Math.min(1, p.bytes / p.bytesTotal));
  if (parts.length === 0) return p.runsTotal > 0 ? Math.min(1, p.runsDone / p.runsTotal) : 0;
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

/** `3 of 5 runs`, the counts as the top bar and dialogs print them. */
export function runsOf(done: number, total: number): string {
  return `${formatCount(done)} of ${formatCount(total)} ${total === 1 ? 'run' : 'runs'}`;
}
