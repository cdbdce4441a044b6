import { describe, expect, it } from 'vitest';
import type { RunlensBridge } from '../../../src-shared/bridge';
import type { ShellCommand } from '../../../src-shared/shell-commands';
import { compareRoute, type Route } from '../lib/hash-router';
import { startShellCommands, type ShellActions } from './shell-commands';

/** A bridge whose shell the test plays, and actions that record what the UI was asked to do. */
function harness(options: { route?: Route; checked?: string[] } = {}) {
  let listener: ((command: ShellCommand) => void) | null = null;
  let subscriptions = 0;
  const bridge = {
    onCommand: (l: (command: ShellCommand) => void) => {
      subscriptions++;
      listener = l;
      return () => {
        listener = null;
      };
    },
  } as unknown as RunlensBridge;
  const done: unknown[] = [];
  let route: Route = options.route ?? { page: 'runs' };
  const actions: ShellActions = {
    currentRoute: () => route,
    navigate: (to) => {
      route = to;
      done.push(['navigate', to]);
    },
    checkedRuns: () => options.checked ?? [],
    request: (what) => done.push(['request', what]),
    openPreferences: () => done.push(['preferences']),
    notify: (text) => done.push(['notify', text]),
  };
  const stop = startShellCommands(bridge, actions);
  // The shell sends whatever it sends: hostile payloads are typed loosely on purpose.
  const send = (command: unknown) => listener?.(command as ShellCommand);
  return { send, done, stop, subscriptions: () => subscriptions, listening: () => listener !== null };
}

describe('shell commands', () => {
  it('opens the views a deep link or notification names, rebuilt from the parsed route', () => {
    const { send, done } = harness();
    send({ type: 'open-route', route: '/runs/r-1' });
    send({ type: 'open-route', route: '/compare?runs=a,b' });
    send({ type: 'open-route', route: '/alerts?experiment=mnist' });
    expect(done).toEqual([
      ['navigate', { page: 'run', runId: 'r-1' }],
      ['navigate', compareRoute(['a', 'b'])],
      ['navigate', { page: 'alerts', experiment: 'mnist' }],
    ]);
  });

  it('ignores routes of no known shape and malformed commands', () => {
    const { send, done } = harness();
    for (const hostile of [
      { type: 'open-route', route: 'javascript:alert(1)' },
      { type: 'open-route', route: '/elsewhere' },
      { type: 'open-route', route: '//evil.example/runs/x' },
      { type: 'open-route', route: `/runs/${'x'.repeat(9000)}` },
      { type: 'open-route', route: 42 },
      { type: 'open-route' },
      { type: 'run-script', code: 'alert(1)' },
      null,
      'compare',
    ]) {
      send(hostile);
    }
    expect(done).toEqual([]);
  });

  it('compares the ticked runs, or says to tick two', () => {
    const ticked = harness({ checked: ['b', 'a'] });
    ticked.send({ type: 'compare' });
    expect(ticked.done).toEqual([['navigate', compareRoute(['b', 'a'])]]);

    const one = harness({ route: { page: 'datasets' }, checked: ['a'] });
    one.send({ type: 'compare' });
    expect(one.done).toEqual([['navigate', { page: 'runs' }], ['notify', expect.stringContaining('Tick two or more runs')]]);
  });

  it('opens Export… on the comparison shown, else on a comparison of the ticked runs, else explains', () => {
    const comparing = harness({ route: compareRoute(['a', 'b']) });
    comparing.send({ type: 'export' });
    expect(comparing.done).toEqual([['request', 'export']]);

    const ticked = harness({ checked: ['a', 'b', 'c'] });
    ticked.send({ type: 'export' });
    expect(ticked.done).toEqual([['navigate', compareRoute(['a', 'b', 'c'])], ['request', 'export']]);

    const none = harness();
    none.send({ type: 'export' });
    expect(none.done).toEqual([['notify', expect.stringContaining('Export saves a comparison')]]);
  });

  it('focuses the runs filter, going to the runs table first when elsewhere', () => {
    const there = harness();
    there.send({ type: 'find' });
    expect(there.done).toEqual([['request', 'find']]);
    const elsewhere = harness({ route: { page: 'run', runId: 'r' } });
    elsewhere.send({ type: 'find' });
    expect(elsewhere.done).toEqual([['navigate', { page: 'runs' }], ['request', 'find']]);
  });

  it('opens the preferences, subscribes once and stops when asked', () => {
    const { send, done, stop, subscriptions, listening } = harness();
    send({ type: 'preferences' });
    expect(done).toEqual([['preferences']]);
    expect(subscriptions()).toBe(1);
    stop();
    expect(listening()).toBe(false);
  });

  it('does nothing outside the desktop app', () => {
    expect(startShellCommands(undefined)).toBeTypeOf('function');
  });
});
