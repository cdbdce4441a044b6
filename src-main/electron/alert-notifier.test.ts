// OS notifications with Electron's Notification stood in for: only alerts notify, a click opens
// the run, and nothing is shown where the OS has no notifications.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../src-shared/alerts';
import type { Core } from '../core/core';
import { EventHub } from '../core/events/event-hub';

const electron = vi.hoisted(() => ({ supported: true, shown: [] as unknown[] }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => electron.supported;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      electron.shown.push(this);
    }
  }
  return { Notification };
});

const { notifyAlerts } = await import('./alert-notifier');

type Shown = EventEmitter & { options: { title: string; body: string } };

const alert: Alert = {
  id: 7,
  ruleId: 'builtin:run-failed',
  kind: 'run-failed',
  runId: 'r42',
  runName: 'sweep-3',
  experiment: 'mnist',
  message: 'sweep-3 ended FAILED',
  metric: null,
  value: null,
  step: null,
  raisedAt: 1,
  read: false,
};

function fakeCore(): Core & { read: number[][] } {
  const read: number[][] = [];
  return { hub: new EventHub(() => null), alerts: { markRead: (ids: number[]) => read.push(ids) }, read } as unknown as Core & { read: number[][] };
}

beforeEach(() => {
  electron.supported = true;
  electron.shown.length = 0;
});

describe('notifyAlerts', () => {
  it('shows a notification per alert, and a click opens the run', () => {
    const core = fakeCore();
    const opened: string[] = [];
    const stop = notifyAlerts(core, (route) => opened.push(route));
    core.hub.emit({ type: 'alert.raised', data: { alert } });
    core.hub.emit({ type: 'report.progress', data: {} as never });
    expect(electron.shown).toHaveLength(1);
    const shown = electron.shown[0] as Shown;
    expect(shown.options).toEqual({ title: 'Run failed: sweep-3', body: 'sweep-3 ended FAILED (mnist)' });
    expect(core.read).toEqual([]);
    shown.emit('click');
    expect(opened).toEqual(['/runs/r42']);
    expect(core.read).toEqual([[7]]);
    stop();
    core.hub.emit({ type: 'alert.raised', data: { alert } });
    expect(electron.shown).toHaveLength(1);
  });

  it('does nothing where the OS has no notifications', () => {
    electron.supported = false;
    const core = fakeCore();
    notifyAlerts(core, () => {});
    core.hub.emit({ type: 'alert.raised', data: { alert } });
    expect(electron.shown).toEqual([]);
    expect(core.hub.subscriberCount).toBe(0);
  });
});
