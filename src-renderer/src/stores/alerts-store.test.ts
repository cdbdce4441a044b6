import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../src-shared/alerts';
import { parseCoreEvent } from '../api/core-event-schema';
import { alertRaised } from '../app/alert-raised';
import { useAlertsStore } from './alerts-store';
import { useToastsStore } from './toasts-store';

const listAlerts = vi.hoisted(() => vi.fn());
const markAlertsRead = vi.hoisted(() => vi.fn());
vi.mock('../api/client', () => ({ api: { listAlerts, markAlertsRead } }));

function alert(id: number, fields: Partial<Alert> = {}): Alert {
  return {
    id,
    ruleId: 'builtin:non-finite',
    kind: 'non-finite',
    runId: `run-${id}`,
    runName: `run ${id}`,
    experiment: 'mnist',
    message: 'loss is NaN at step 12',
    metric: 'loss',
    value: 'NaN',
    step: 12,
    raisedAt: 1_700_000_000_000 + id,
    read: false,
    ...fields,
  };
}

beforeEach(() => {
  useAlertsStore.setState({ status: 'idle', alerts: [], unread: 0, error: null });
  useToastsStore.getState().clear();
  listAlerts.mockReset();
  markAlertsRead.mockReset();
});

describe('alerts store', () => {
  it('reads alert events from the wire, NaN values included, and refuses malformed ones', () => {
    expect(parseCoreEvent({ type: 'alert.raised', data: { alert: alert(1) } })).not.toBeNull();
    expect(parseCoreEvent({ type: 'alert.raised', data: { alert: alert(1, { value: 0.5 }) } })).not.toBeNull();
    expect(parseCoreEvent({ type: 'alert.raised', data: { alert: { ...alert(1), kind: 'made-up' } } })).toBeNull();
    expect(parseCoreEvent({ type: 'alert.raised', data: { alert: { ...alert(1), runId: 7 } } })).toBeNull();
    expect(parseCoreEvent({ type: 'alert.raised', data: { alert: { ...alert(1), value: 'lots' } } })).toBeNull();
  });

  it('counts raised alerts once each, newest first', () => {
    const { raised } = useAlertsStore.getState();
    raised(alert(1));
    raised(alert(2));
    raised(alert(2));
    raised(alert(3, { read: true }));
    const { alerts, unread } = useAlertsStore.getState();
    expect(alerts.map((a) => a.id)).toEqual([3, 2, 1]);
    expect(unread).toBe(2);
  });

  it('keeps an alert raised while the list was loading', async () => {
    let answer!: (value: unknown) => void;
    listAlerts.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const loading = useAlertsStore.getState().load();
    useAlertsStore.getState().raised(alert(5));
    answer({ alerts: [alert(4), alert(3, { read: true })], unread: 7 });
    await loading;
    const { alerts, unread, status } = useAlertsStore.getState();
    expect(status).toBe('ready');
    expect(alerts.map((a) => a.id)).toEqual([5, 4, 3]);
    expect(unread).toBe(8);
  });

  it('marks some or all read at once, and reloads when the core refuses', async () => {
    listAlerts.mockResolvedValue({ alerts: [alert(2), alert(1)], unread: 5 });
    await useAlertsStore.getState().load();
    markAlertsRead.mockResolvedValue({ updated: 1 });
    await useAlertsStore.getState().markRead([2]);
    expect(markAlertsRead).toHaveBeenLastCalledWith({ ids: [2] });
    expect(useAlertsStore.getState().unread).toBe(4);
    expect(useAlertsStore.getState().alerts.find((a) => a.id === 2)?.read).toBe(true);

    await useAlertsStore.getState().markRead();
    expect(markAlertsRead).toHaveBeenLastCalledWith({});
    expect(useAlertsStore.getState().unread).toBe(0);

    markAlertsRead.mockRejectedValue(new Error('core gone'));
    listAlerts.mockResolvedValue({ alerts: [alert(2, { read: true }), alert(1)], unread: 1 });
    useAlertsStore.setState({ alerts: [alert(2, { read: true }), alert(1)], unread: 1 });
    await useAlertsStore.getState().markRead([1]);
    expect(useAlertsStore.getState().error).toBe('core gone');
    expect(useAlertsStore.getState().unread).toBe(1);
  });

  it('toasts a raised alert in serve mode only, and opening the toast marks it read', () => {
    markAlertsRead.mockResolvedValue({ updated: 1 });
    alertRaised(alert(9), true);
    expect(useToastsStore.getState().toasts).toEqual([]);
    expect(useAlertsStore.getState().unread).toBe(1);

    alertRaised(alert(10), false);
    const [toast] = useToastsStore.getState().toasts;
    expect(toast).toMatchObject({ title: 'run 10', detail: 'loss is NaN at step 12', route: { page: 'run', runId: 'run-10' } });
    expect(toast?.color).toMatch(/^#[0-9a-f]{6}$/);
    toast?.onOpen?.();
    expect(markAlertsRead).toHaveBeenCalledWith({ ids: [10] });
    expect(useAlertsStore.getState().unread).toBe(1);
  });
});
