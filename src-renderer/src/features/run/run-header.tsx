import type { RunSummary } from '../../../../src-shared/domain';
import { CopyButton } from '../../components/copy-button';
import { RunDuration } from '../../components/run-duration';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTimeSeconds } from '../../lib/format';
import { CompareWith } from './compare-with';
import { sourceLabel } from './source-label';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="run-header__field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function RunHeader({ run }: { run: RunSummary }) {
  const source = sourceLabel(run);
  return (
    <header className="run-header" data-testid="run-header">
      <div className="run-header__title">
        <RunSwatch runId={run.id} size={14} />
        <h1 data-testid="run-name">{run.name || run.id}</h1>
        <StatusBadge status={run.status} />
        {run.lifecycleStage === 'deleted' && (
          <span className="status-badge status-badge--failed" data-testid="run-deleted">
            DELETED
          </span>
        )}
        <div className="run-header__actions">
          <CompareWith runId={run.id} />
        </div>
      </div>
      <dl className="run-header__fields">
        <Field label="Experiment">{run.experiment}</Field>
        <Field label="Run id">
          <span className="mono" data-testid="run-id">
            {run.id}
          </span>
          <CopyButton text={run.id} testId="copy-run-id" />
        </Field>
        <Field label="Started">
          <span className="num">{formatDateTimeSeconds(run.startTime)}</span>
        </Field>
        <Field label="Ended">
          <span className="num">{run.endTime === null ? '—' : formatDateTimeSeconds(run.endTime)}</span>
        </Field>
        <Field label="Duration">
          <span className="num">
            <RunDuration run={run} />
          </span>
        </Field>
        <Field label="Source">
          <span className="run-header__source" data-testid="run-source">
            {source.kind}
            {source.path && (
              <>
                <span aria-hidden>·</span>
                <span className="mono run-header__path" title={source.path}>
                  {source.path}
                </span>
              </>
            )}
          </span>
        </Field>
        {run.userId && (
          <Field label="User">
            <span data-testid="run-user">{run.userId}</span>
          </Field>
        )}
      </dl>
    </header>
  );
}
