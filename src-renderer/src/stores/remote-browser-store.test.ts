import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RemoteRun } from '../../../src-shared/sync';
import { appendPage, runsKey, useRemoteBrowserStore } from './remote-browser-store';

const listRemoteRuns = vi.hoisted(() => vi.fn());
const listFollows = vi.hoisted(() => vi.fn());
const listRemoteExperiments = vi.hoisted(() => vi.fn());
vi.mock('../api/client', () => ({ api: { listRemoteRuns, listFollows, listRemoteExperiments } }));

const run = (id: string, name = id): RemoteRun => ({ id, experimentId: '1', name, status: 'FINISHED', startTime: 1, endTime: 2, userId: 'ana', metrics: [], params: {}, localRunId: null });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('remote browser store', () => {
  beforeEach(() => {
    useRemoteBrowserStore.setState({ experiments: {}, runs: {}, follows: [] });
    vi.clearAllMocks();
  });

  it('appends a page; a run listed again keeps its place with the newer data', () => {
    expect(appendPage([run('a'), run('b')], [run('b', 'b2'), run('c')]).map((r) => `${r.id}:${r.name}`)).toEqual(['a:a', 'b:b2', 'c:c']);
  });

  it('loads more with the page token and keeps the runs shown meanwhile', async () => {
    listRemoteRuns.mockResolvedValueOnce({ runs: [run('a'), run('b')], nextPageToken: 'p2' }).mockResolvedValueOnce({ runs: [run('c')], nextPageToken: null });
    const { loadRuns, loadMore } = useRemoteBrowserStore.getState();
    await loadRuns('team', '1');
    const more = loadMore('team', '1');
    expect(useRemoteBrowserStore.getState().runs[runsKey('team', '1')]).toMatchObject({ loadingMore: true, nextPageToken: 'p2' });
    await more;
    expect(listRemoteRuns).toHaveBeenLastCalledWith({ name: 'team', experimentId: '1', pageToken: 'p2' });
    const entry = useRemoteBrowserStore.getState().runs[runsKey('team', '1')]!;
    expect(entry.runs.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(entry).toMatchObject({ nextPageToken: null, loadingMore: false, status: 'ready' });
    // Nothing further to load: no request goes out.
    await loadMore('team', '1');
    expect(listRemoteRuns).toHaveBeenCalledTimes(2);
  });

  it('drops an older answer that arrives after a newer one', async () => {
    const slow = deferred<{ runs: RemoteRun[]; nextPageToken: null }>();
    listRemoteRuns.mockReturnValueOnce(slow.promise).mockResolvedValueOnce({ runs: [run('new')], nextPageToken: null });
    const { loadRuns } = useRemoteBrowserStore.getState();
    const first = loadRuns('team', '1');
    await loadRuns('team', '1');
    slow.resolve({ runs: [run('old')], nextPageToken: null });
    await first;
    expect(useRemoteBrowserStore.getState().runs[runsKey('team', '1')]!.runs.map((r) => r.id)).toEqual(['new']);
  });

  it('after a pull, reads again the follows and what is open of that remote only', async () => {
    listRemoteRuns.mockResolvedValue({ runs: [], nextPageToken: null });
    listRemoteExperiments.mockResolvedValue({ experiments: [] });
    listFollows.mockResolvedValue({ follows: [] });
    const { loadRuns, loadExperiments } = useRemoteBrowserStore.getState();
    await loadRuns('team', '1');
    await loadRuns('lab', '2');
    await loadExperiments('team');
    vi.clearAllMocks();
    useRemoteBrowserStore.getState().pulled('team');
    expect(listFollows).toHaveBeenCalledTimes(1);
    expect(listRemoteExperiments.mock.calls).toEqual([[{ name: 'team' }]]);
    expect(listRemoteRuns.mock.calls).toEqual([[{ name: 'team', experimentId: '1' }]]);
  });
});
