// What the Push dialog sends: to which remote, which runs (the ticked ones, every run shown, or
// a local experiment), and whether running runs keep pushing. Remote copies are never pushed:
// they are someone else's runs, read-only here.
import type { Input } from '../../../../src-shared/contract';
import type { RunSummary } from '../../../../src-shared/domain';
import type { RemoteConfig } from '../../../../src-shared/sync';

export type PushScope = 'selected' | 'shown' | 'experiment';

export interface PushChoices {
  remote: string;
  scope: PushScope;
  /** The local experiment's name, for the `experiment` scope. */
  experiment: string;
  live: boolean;
}

export interface PushCandidates {
  /** The ticked runs, in the table's order. */
  selected: readonly RunSummary[];
  /** Every run the query and filter show. */
  shown: readonly RunSummary[];
}

export function pushable(runs: readonly RunSummary[]): RunSummary[] {
  return runs.filter((run) => run.sync?.state !== 'remote');
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))[0]?.[0] ?? '';
}

/** The experiments one may push whole: those of the runs shown, most runs first. */
export function experimentChoices(shown: readonly RunSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const run of pushable(shown)) counts.set(run.experiment, (counts.get(run.experiment) ?? 0) + 1);
  return [...counts.entries()].sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b)).map(([name]) => name);
}

/**
 * Ticked runs go first when there are any; the remote is the one they were pushed to before
 * when they agree on one (a re-push), else the first remote.
 */
export function initialPushChoices(remotes: readonly RemoteConfig[], { selected, shown }: PushCandidates): PushChoices {
  const base = selected.length > 0 ? selected : shown;
  const pushedTo = mostCommon(base.flatMap((run) => (run.sync && run.sync.state !== 'remote' ? [run.sync.remote] : [])));
  const remote = remotes.some((r) => r.name === pushedTo) ? pushedTo : (remotes[0]?.name ?? '');
  return {
    remote,
    scope: pushable(selected).length > 0 ? 'selected' : 'shown',
    experiment: mostCommon(pushable(base).map((run) => run.experiment)),
    live: true,
  };
}

/** The runs a scope covers (the experiment's as far as the table shows them). */
export function scopeRuns(choices: PushChoices, { selected, shown }: PushCandidates): RunSummary[] {
  switch (choices.scope) {
    case 'selected':
      return pushable(selected);
    case 'shown':
      return pushable(shown);
    case 'experiment':
      return pushable(shown).filter((run) => run.experiment === choices.experiment);
  }
}

/** Why Push cannot go yet, or null. */
export function pushProblem(choices: PushChoices, candidates: PushCandidates): string | null {
  if (!choices.remote) return 'Choose a remote';
  if (choices.scope === 'experiment' && !choices.experiment) return 'Choose an experiment';
  if (choices.scope !== 'experiment' && scopeRuns(choices, candidates).length === 0) return 'No run to push: remote copies are read-only';
  return null;
}

/** An experiment goes by name: the core pushes all its runs, the ones the table does not show too. */
export function pushInput(choices: PushChoices, candidates: PushCandidates): Input<'pushRuns'> {
  const { remote, live } = choices;
  if (choices.scope === 'experiment') return { remote, live, experiment: choices.experiment };
  return { remote, live, runIds: scopeRuns(choices, candidates).map((run) => run.id) };
}
