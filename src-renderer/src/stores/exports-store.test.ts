import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { parseCoreEvent } from '../api/core-event-schema';
import { useExportsStore } from './exports-store';

const getReportExport = vi.hoisted(() => vi.fn());
// The real client picks a transport from `window`; these tests have none.
vi.mock('../api/client', () => ({ api: { getReportExport } }));

describe('exports store', () => {
  it('keeps each export by id, ending it with report.done; progress held up behind the end is dropped', () => {
    const { progressed, finished } = useExportsStore.getState();
    // The end can arrive before the dialog knows the id: it waits in the store.
    finished({ exportId: 'x2', files: [], error: 'unknown run id(s): zz' });
    progressed({ exportId: 'x1', phase: 'reading runs', done: 0, total: 1 });
    finished({ exportId: 'x1', files: [{ name: 'r.html', bytes: 10 }] });
    progressed({ exportId: 'x1', phase: 'writing', done: 1, total: 1 });
    const { byId } = useExportsStore.getState();
    expect(byId.x1).toEqual({ progress: { exportId: 'x1', phase: 'reading runs', done: 0, total: 1 }, done: { exportId: 'x1', files: [{ name: 'r.html', bytes: 10 }] } });
    expect(byId.x2).toEqual({ progress: null, done: { exportId: 'x2', files: [], error: 'unknown run id(s): zz' } });
  });

  it('after a reconnect, asks the core how running exports ended', async () => {
    const { started, finished, refetch } = useExportsStore.getState();
    started('r1');
    started('r2');
    started('r3');
    finished({ exportId: 'r3', files: [] });
    getReportExport.mockImplementation(async ({ id }: { id: string }) => {
      if (id === 'r1') return { exportId: id, done: { exportId: id, files: [{ name: 'a.json', bytes: 2 }] } };
      throw new ApiError('RESOURCE_DOES_NOT_EXIST', `No export '${id}' since Runlens started`);
    });
    await refetch();
    const { byId } = useExportsStore.getState();
    expect(byId.r1?.done?.files).toEqual([{ name: 'a.json', bytes: 2 }]);
    expect(byId.r2?.done?.error).toContain('lost track of the export');
    // An export that had ended is not asked about again.
    expect(getReportExport.mock.calls.map(([input]) => (input as { id: string }).id).sort()).toEqual(['r1', 'r2']);
  });

  it('reads report events from the wire and refuses malformed ones', () => {
    const done = { type: 'report.done', data: { exportId: 'x', files: [{ name: 'a.csv', bytes: 3 }] } };
    expect(parseCoreEvent(done)).toEqual(done);
    expect(parseCoreEvent({ type: 'report.progress', data: { exportId: 'x', phase: 'writing', done: 1, total: 2 } })).not.toBeNull();
    expect(parseCoreEvent({ type: 'report.done', data: { exportId: 'x', files: [{ name: 'a.csv' }] } })).toBeNull();
    expect(parseCoreEvent({ type: 'report.progress', data: { exportId: 'x', phase: 'writing', done: '1', total: 2 } })).toBeNull();
  });
});
