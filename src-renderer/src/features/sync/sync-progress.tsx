// A push's or pull's counts as the sync.progress events say them: runs, points and bytes, each
// done of total, over one bar; then how it ended.
import { formatBytes, formatCount } from '../../../../src-shared/format';
import type { SyncDone, SyncProgress } from '../../../../src-shared/sync';
import { ProgressBar } from '../../components/progress-bar';
import { progressFraction, runsOf } from './sync-state';
import './sync.css';

function Count({ label, done, total, format, testId }: { label: string; done: number; total: number; format: (n: number) => string; testId: string }) {
  return (
    <div className="sync-progress__count" data-testid={testId}>
      <dt>{label}</dt>
      <dd className="num">
        {format(done)}
        {total > 0 && <span className="muted"> / {format(total)}</span>}
      </dd>
    </div>
  );
}

const VERB = { push: { ing: 'Pushing', ed: 'Pushed' }, pull: { ing: 'Importing', ed: 'Imported' } } as const;

export function SyncProgressView({ progress, done, runName }: { progress: SyncProgress | null; done: SyncDone | null; runName?: (localId: string) => string }) {
  const counts = progress ?? { runsDone: 0, runsTotal: 0, points: 0, pointsTotal: 0, bytes: 0, bytesTotal: 0 };
  const outcome = done?.outcome ?? 'running';
  const verb = VERB[done?.direction ?? progress?.direction ?? 'push'];
  const fraction = outcome === 'done' ? 1 : progressFraction(counts);
  const current = progress?.currentRun && !done ? (runName?.(progress.currentRun) ?? progress.currentRun) : null;
  return (
    <div className="sync-progress" data-testid="sync-progress" data-outcome={outcome}>
      <div className="sync-progress__head">
        <span className="sync-progress__title">
          {outcome === 'running' && (progress ? `${verb.ing} ${runsOf(counts.runsDone, counts.runsTotal)}…` : 'Starting…')}
          {outcome === 'done' && (
            <>
              <span className="sync-progress__check" aria-hidden>
                ✓
              </span>
              {verb.ed} {formatCount(done!.runs.length)} {done!.runs.length === 1 ? 'run' : 'runs'}
            </>
          )}
          {outcome === 'failed' && 'Failed'}
          {outcome === 'cancelled' && 'Cancelled'}
        </span>
        {current && (
          <span className="muted sync-progress__current" title={current}>
            now: {current}
          </span>
        )}
      </div>
      <ProgressBar value={fraction} label={verb.ing} tone={outcome === 'failed' ? 'danger' : outcome === 'cancelled' ? 'muted' : 'accent'} />
      <dl className="sync-progress__counts">
        <Count label="Runs" done={counts.runsDone} total={counts.runsTotal} format={formatCount} testId="sync-progress-runs" />
        <Count label="Points" done={done?.points ?? counts.points} total={counts.pointsTotal} format={formatCount} testId="sync-progress-points" />
        <Count label="Artifacts" done={done?.bytes ?? counts.bytes} total={counts.bytesTotal} format={formatBytes} testId="sync-progress-bytes" />
      </dl>
      {done?.error && (
        <p className="sync-progress__error" role="alert" data-testid="sync-progress-error">
          {done.error}
        </p>
      )}
    </div>
  );
}
