// No flood from history: folders ingested at startup or added later raise nothing for what they
// already hold, and a folder run that keeps logging is watched from then on.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/alerts';
import { appendLines, writeRunFolder } from '../test-support/run-folder';
import { nextEvent } from '../test-support/next-event';
import { useTempDirs } from '../test-support/temp-dir';
import { startTestCore } from '../test-support/test-core';

const tempDir = useTempDirs();
const OLD = 1_700_000_000_000;

const diverged = (from: number) => [
  { key: 'loss', value: 0.5, step: from, timestamp: OLD + from },
  { key: 'loss', value: 'NaN', step: from + 1, timestamp: OLD + from + 1 },
];

describe('alerts and folder ingest', () => {
  it('raises nothing for the history of watched folders, then watches new points', async () => {
    const root = tempDir();
    mkdirSync(root, { recursive: true });
    writeRunFolder(root, 'ended', { id: 'ended', experiment: 'old', status: 'FAILED', startTime: OLD, endTime: OLD + 5000 }, diverged(0));
    const live = writeRunFolder(root, 'live', { id: 'live', experiment: 'old', status: 'RUNNING', startTime: OLD }, diverged(0));
    const core = await startTestCore(tempDir(), { watch: [root] });
    const raised: Alert[] = [];
    core.hub.subscribe((e) => e.type === 'alert.raised' && raised.push(e.data.alert));
    expect(core.store.runs.exists('ended') && core.store.runs.exists('live')).toBe(true);
    // A folder added while the core runs, holding an old diverged, failed run.
    const later = tempDir();
    writeRunFolder(later, 'added', { id: 'added', experiment: 'old', status: 'FAILED', startTime: OLD, endTime: OLD + 5000 }, diverged(0));
    await core.dispatch('addWatchRoot', { path: later });
    expect(core.store.runs.exists('added')).toBe(true);
    core.hub.flush();
    // The live run went quiet long before the core started: not a stall of this session.
    expect(core.alerts.checkStalls()).toEqual([]);
    expect(raised).toEqual([]);
    expect(await core.dispatch('listAlerts', {})).toEqual({ alerts: [], unread: 0 });
    // New points of the folder run still logging are news.
    const next = nextEvent(core, (e) => e.type === 'alert.raised');
    appendLines(live, [{ key: 'loss', value: 0.4, step: 2 }, { key: 'val_loss', value: 'Infinity', step: 2 }]);
    const alert = ((await next).data as { alert: Alert }).alert;
    expect(alert).toMatchObject({ runId: 'live', metric: 'val_loss', value: 'Infinity', message: 'val_loss is Infinity at step 2' });
    await core.close();
  });
});
