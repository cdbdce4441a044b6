import { beforeEach, describe, expect, it } from 'vitest';
import { useUiRequestsStore } from './ui-requests-store';

beforeEach(() => useUiRequestsStore.setState({ pending: { export: false, find: false } }));

describe('ui requests', () => {
  it('are answered once', () => {
    const { request, take } = useUiRequestsStore.getState();
    expect(take('export')).toBe(false);
    request('export');
    expect(take('export')).toBe(true);
    expect(take('export')).toBe(false);
  });

  it('wait while the page that answers them shows, and are dropped when another does', () => {
    const { request, pageShown, take } = useUiRequestsStore.getState();
    request('export');
    request('find');
    pageShown('compare');
    expect(useUiRequestsStore.getState().pending).toEqual({ export: true, find: false });
    pageShown('run');
    expect(take('export')).toBe(false);
  });
});
