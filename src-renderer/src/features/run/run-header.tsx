import type { RunModelOutput, RunSummary } from '../../../../src-shared/domain';
import { CopyButton } from '../../components/copy-button';
import { NewerDataBadge } from '../../components/newer-data-badge';
import { RunDuration } from '../../components/run-duration';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTimeSeconds } from '../../../../src-shared/format';
import { routeHref } from '../../lib/hash-router';
import { PromoteModelButton } from '../promotion/promote-model-button';
import { RunSyncNote } from '../sync/run-sync-note';
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

/**
 * `outdated`: which inputs have a newer version, when the run's inputs are loaded.
 * `hasLineage`: the run read or wrote something, so the lineage page has a graph for it.
 * `models`: the models it logged, once loaded; "Promote model…" shows when there is one.
 */
export function RunHeader({ run, outdated, hasLineage, models }: { run: RunSummary; outdated?: string; hasLineage: boolean; models: RunModelOutput[] }) {
  const source = sourceLabel(run);
  // A pulled copy is someone else's run, read-only here: nothing is promoted from it.
  const readOnly = run.sync?.state === 'remote';
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
        {run.newerDataAvailable && <NewerDataBadge detail={outdated} testId="run-newer-data" />}
        <div className="run-header__actions">
          {(hasLineage || run.newerDataAvailable) && (
            <a href={routeHref({ page: 'lineage', focus: `run:${run.id}`, q: '' })} data-testid="run-lineage-link">
              Show in lineage
            </a>
          )}
          {models.length > 0 && !readOnly && <PromoteModelButton runId={run.id} models={models} />}
          <CompareWith runId={run.id} />
        </div>
      </div>
      {run.sync && <RunSyncNote run={{ ...run, sync: run.sync }} />}
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
