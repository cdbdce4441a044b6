import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { useRemotesStore } from './remotes-store';

const saveRemote = vi.hoisted(() => vi.fn());
const testRemote = vi.hoisted(() => vi.fn());
vi.mock('../api/client', () => ({ api: { saveRemote, testRemote } }));

describe('remotes store', () => {
  beforeEach(() => {
    useRemotesStore.setState({ remotes: [], tests: {} });
    vi.clearAllMocks();
  });

  it('sends a secret only when one was typed, and keeps none of it', async () => {
    saveRemote.mockImplementation(async ({ name, url, username }: { name: string; url: string; username: string }) => ({ remote: { name, url, username, hasSecret: true } }));
    await useRemotesStore.getState().save({ name: 'team', url: 'http://m', username: '', secret: '' });
    await useRemotesStore.getState().save({ name: 'lab', url: 'http://l', username: 'ana', secret: 'tok' });
    expect(saveRemote.mock.calls).toEqual([[{ name: 'team', url: 'http://m', username: '' }], [{ name: 'lab', url: 'http://l', username: 'ana', secret: 'tok' }]]);
    expect(JSON.stringify(useRemotesStore.getState())).not.toContain('tok');
    expect(useRemotesStore.getState().remotes.map((r) => r.name)).toEqual(['lab', 'team']);
  });

  it('keeps the test verdict per remote, the core’s reason when it failed, and drops it once the remote is saved again', async () => {
    saveRemote.mockResolvedValue({ remote: { name: 'team', url: 'http://m', username: '', hasSecret: false } });
    testRemote.mockResolvedValueOnce({ ok: false, message: 'connection refused at http://m', experiments: null });
    testRemote.mockRejectedValueOnce(new ApiError('RESOURCE_DOES_NOT_EXIST', "Remote 'gone' does not exist"));
    await useRemotesStore.getState().test('team');
    await useRemotesStore.getState().test('gone');
    expect(useRemotesStore.getState().tests).toEqual({
      team: { status: 'failed', message: 'connection refused at http://m' },
      gone: { status: 'failed', message: "Remote 'gone' does not exist" },
    });
    // Saved while a test is out: the answer is about settings that are gone.
    let answer!: (value: unknown) => void;
    testRemote.mockReturnValueOnce(new Promise((r) => (answer = r)));
    const testing = useRemotesStore.getState().test('team');
    expect(useRemotesStore.getState().tests.team).toEqual({ status: 'testing' });
    await useRemotesStore.getState().save({ name: 'team', url: 'http://m', username: '', secret: '' });
    answer({ ok: true, message: 'ok', experiments: 1 });
    await testing;
    expect(useRemotesStore.getState().tests.team).toBeUndefined();
  });
});
