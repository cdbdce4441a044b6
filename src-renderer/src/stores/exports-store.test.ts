import { describe, expect, it } from 'vitest';
import { parseCoreEvent } from '../api/core-event-schema';
import { useExportsStore } from './exports-store';

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

  it('reads report events from the wire and refuses malformed ones', () => {
    const done = { type: 'report.done', data: { exportId: 'x', files: [{ name: 'a.csv', bytes: 3 }] } };
    expect(parseCoreEvent(done)).toEqual(done);
    expect(parseCoreEvent({ type: 'report.progress', data: { exportId: 'x', phase: 'writing', done: 1, total: 2 } })).not.toBeNull();
    expect(parseCoreEvent({ type: 'report.done', data: { exportId: 'x', files: [{ name: 'a.csv' }] } })).toBeNull();
    expect(parseCoreEvent({ type: 'report.progress', data: { exportId: 'x', phase: 'writing', done: '1', total: 2 } })).toBeNull();
  });
});
