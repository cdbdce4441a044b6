import { describe, expect, it } from 'vitest';
import type { RemoteConfig, RunSync } from '../../../../src-shared/sync';
import { makeRun } from '../../test-support/make-run';
import { experimentChoices, initialPushChoices, pushInput, pushProblem, scopeRuns, type PushChoices } from './push-choices';

const remote = (name: string): RemoteConfig => ({ name, url: `http://${name}`, username: '', hasSecret: false });
const link = (state: RunSync['state'], remoteName: string): RunSync => ({ state, remote: remoteName, remoteRunId: 'x', remoteExperimentId: '1', live: false, syncedAt: 1, error: null });

const mine = makeRun('a', { experiment: 'iris' });
const pushed = makeRun('b', { experiment: 'iris', sync: link('behind', 'prod') });
const other = makeRun('c', { experiment: 'mnist' });
const copy = makeRun('d', { experiment: 'iris', sync: link('remote', 'prod') });
const shown = [mine, pushed, other, copy];
const remotes = [remote('lab'), remote('prod')];

describe('push choices', () => {
  it('start with the ticked runs and the remote they were pushed to; without ticks, the runs shown and the first remote', () => {
    expect(initialPushChoices(remotes, { selected: [mine, pushed], shown })).toEqual({ remote: 'prod', scope: 'selected', experiment: 'iris', live: true });
    expect(initialPushChoices(remotes, { selected: [], shown: [other] })).toMatchObject({ remote: 'lab', scope: 'shown', experiment: 'mnist' });
    // Only remote copies ticked: nothing of them can be pushed, so the runs shown are offered.
    expect(initialPushChoices(remotes, { selected: [copy], shown }).scope).toBe('shown');
    expect(initialPushChoices([], { selected: [], shown }).remote).toBe('');
  });

  it('never send remote copies; an experiment goes by name', () => {
    const base: PushChoices = { remote: 'prod', scope: 'shown', experiment: 'iris', live: false };
    const candidates = { selected: [copy, mine], shown };
    expect(pushInput(base, candidates)).toEqual({ remote: 'prod', live: false, runIds: ['a', 'b', 'c'] });
    expect(pushInput({ ...base, scope: 'selected' }, candidates)).toEqual({ remote: 'prod', live: false, runIds: ['a'] });
    expect(pushInput({ ...base, scope: 'experiment' }, candidates)).toEqual({ remote: 'prod', live: false, experiment: 'iris' });
    expect(scopeRuns({ ...base, scope: 'experiment' }, candidates).map((r) => r.id)).toEqual(['a', 'b']);
    expect(experimentChoices(shown)).toEqual(['iris', 'mnist']);
  });

  it('say why Push cannot go', () => {
    const base: PushChoices = { remote: 'prod', scope: 'selected', experiment: '', live: true };
    expect(pushProblem(base, { selected: [copy], shown })).toBe('No run to push: remote copies are read-only');
    expect(pushProblem({ ...base, remote: '' }, { selected: [mine], shown })).toBe('Choose a remote');
    expect(pushProblem({ ...base, scope: 'experiment' }, { selected: [], shown })).toBe('Choose an experiment');
    expect(pushProblem(base, { selected: [mine], shown })).toBeNull();
  });
});
