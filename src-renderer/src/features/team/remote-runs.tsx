// One remote experiment's runs, newest first, a page at a time: tick some and import them, or
// import the whole experiment and follow it. Runs already here link to their local copy.
import { useEffect, useMemo, useState } from 'react';
import { formatCount, formatDateCompact, formatDateTimeSeconds, formatNumber } from '../../../../src-shared/format';
import type { RemoteExperiment, RemoteRun } from '../../../../src-shared/sync';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { StatusBadge } from '../../components/status-badge';
import type { RunStatus } from '../../../../src-shared/domain';
import { routeHref } from '../../lib/hash-router';
import { runsKey, useRemoteBrowserStore } from '../../stores/remote-browser-store';

const METRIC_COLUMNS = 3;
const STATUSES: readonly string[] = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'];

/** The metrics most of the listed runs have, most common first, for a few columns. */
export function commonMetricKeys(runs: readonly RemoteRun[], limit = METRIC_COLUMNS): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const m of run.metrics) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
    .slice(0, limit)
    .map(([key]) => key);
}

function MetricCell({ run, metric }: { run: RemoteRun; metric: string }) {
  const m = run.metrics.find((x) => x.key === metric);
  if (!m) return <td className="num" />;
  const text = typeof m.value === 'number' ? formatNumber(m.value) : m.value;
  return (
    <td className="num" title={`${metric} = ${m.value} at step ${m.step}`}>
      {text}
    </td>
  );
}

interface RemoteRunsProps {
  remote: string;
  experiment: RemoteExperiment;
  /** An import is running: one at a time. */
  busy: boolean;
  onImport: (runIds: string[]) => void;
  onFollow: () => void;
}

export function RemoteRuns({ remote, experiment, busy, onImport, onFollow }: RemoteRunsProps) {
  const entry = useRemoteBrowserStore((s) => s.runs[runsKey(remote, experiment.id)]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    void useRemoteBrowserStore.getState().loadRuns(remote, experiment.id);
  }, [remote, experiment.id]);

  const runs = entry?.runs ?? [];
  const metrics = useMemo(() => commonMetricKeys(runs), [runs]);
  const chosen = runs.filter((run) => ticked.has(run.id)).map((run) => run.id);
  const allTicked = runs.length > 0 && chosen.length === runs.length;
  const toggle = (id: string) =>
    setTicked((t) => {
      const next = new Set(t);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="remote-runs" data-testid="remote-runs" data-experiment={experiment.id}>
      <div className="remote-runs__bar">
        <div className="remote-runs__title">
          <span className="remote-runs__name" title={experiment.name}>
            {experiment.name}
          </span>
          {experiment.followed && (
            <span className="remote-runs__followed" data-testid="experiment-followed-badge" title="New and updated runs come in by themselves">
              followed
            </span>
          )}
          <span className="muted num">
            {formatCount(runs.length)}
            {entry?.nextPageToken ? '+' : ''} {runs.length === 1 ? 'run' : 'runs'}
          </span>
        </div>
        <button type="button" className="primary" disabled={chosen.length === 0 || busy} onClick={() => onImport(chosen)} data-testid="import-runs">
          Import {chosen.length > 0 ? formatCount(chosen.length) : ''} {chosen.length === 1 ? 'run' : 'runs'}
        </button>
        {!experiment.followed && (
          <button type="button" disabled={busy} onClick={onFollow} title="Import every run of it, then keep importing its new and updated runs" data-testid="import-follow">
            Import experiment &amp; follow
          </button>
        )}
      </div>
      {entry?.error && <ErrorBanner message={entry.error} onRetry={() => void useRemoteBrowserStore.getState().loadRuns(remote, experiment.id)} />}
      {entry?.status === 'loading' && runs.length === 0 ? (
        <Skeleton rows={5} height={16} />
      ) : entry?.status === 'ready' && runs.length === 0 ? (
        <p className="muted remote-browser__none">No run in {experiment.name}.</p>
      ) : (
        <div className="remote-runs__scroll">
          <table className="remote-runs__table" data-testid="remote-runs-table">
            <thead>
              <tr>
                <th scope="col" className="remote-runs__check">
                  <input
                    type="checkbox"
                    checked={allTicked}
                    ref={(box) => {
                      if (box) box.indeterminate = chosen.length > 0 && !allTicked;
                    }}
                    onChange={() => setTicked(allTicked ? new Set() : new Set(runs.map((r) => r.id)))}
                    aria-label="Select every run listed"
                    data-testid="remote-run-check-all"
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Started
                </th>
                <th scope="col">User</th>
                {metrics.map((key) => (
                  <th key={key} scope="col" className="num" title={`${key}: latest value`}>
                    {key}
                  </th>
                ))}
                <th scope="col">In Runlens</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="remote-run" data-id={run.id} className={ticked.has(run.id) ? 'is-checked' : undefined} onClick={() => toggle(run.id)}>
                  <td className="remote-runs__check">
                    <input type="checkbox" checked={ticked.has(run.id)} onChange={() => toggle(run.id)} onClick={(e) => e.stopPropagation()} aria-label={`Select ${run.name || run.id}`} data-testid="remote-run-check" />
                  </td>
                  <td className="remote-runs__run" title={`${run.name} (${run.id})`}>
                    {run.name || <span className="mono muted">{run.id.slice(0, 12)}</span>}
                  </td>
                  <td>{STATUSES.includes(run.status) ? <StatusBadge status={run.status as RunStatus} /> : <span className="muted">{run.status}</span>}</td>
                  <td className="num muted" title={run.startTime === null ? undefined : formatDateTimeSeconds(run.startTime)}>
                    {run.startTime === null ? '—' : formatDateCompact(run.startTime)}
                  </td>
                  <td className="muted remote-runs__user">{run.userId || '—'}</td>
                  {metrics.map((key) => (
                    <MetricCell key={key} run={run} metric={key} />
                  ))}
                  <td>
                    {run.localRunId ? (
                      <a href={routeHref({ page: 'run', runId: run.localRunId })} onClick={(e) => e.stopPropagation()} data-testid="remote-run-local">
                        Open
                      </a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entry?.nextPageToken && (
            <div className="remote-runs__more">
              <button type="button" onClick={() => void useRemoteBrowserStore.getState().loadMore(remote, experiment.id)} disabled={entry.loadingMore} data-testid="remote-runs-more">
                {entry.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
