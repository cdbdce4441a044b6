import type { RunSummary } from '../../../../src-shared/domain';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import type { CompareView } from '../../lib/compare-view';
import { routeHref } from '../../lib/hash-router';
import { ExportButton } from '../export/export-button';
import { PromoteModelButton } from '../promotion/promote-model-button';

/** The compared runs, each with the colour its lines have in the charts below. */
export function CompareHeader({ runs, baselineIndex, view }: { runs: RunSummary[]; baselineIndex: number; view: CompareView }) {
  return (
    <header className="compare-header">
      <div className="compare-header__title">
        <h1>Comparing {runs.length} runs</h1>
        <ExportButton runs={runs} view={view} />
      </div>
      <ul className="compare-header__runs">
        {runs.map((run, i) => (
          <li key={run.id} data-testid="compare-run" data-run-id={run.id}>
            <RunSwatch runId={run.id} size={12} />
            <a href={routeHref({ page: 'run', runId: run.id })} title={run.id}>
              {run.name || <span className="mono">{run.id.slice(0, 12)}</span>}
            </a>
            <StatusBadge status={run.status} />
            {i === baselineIndex && <span className="compare-baseline-badge">baseline</span>}
            <PromoteModelButton runId={run.id} compact />
          </li>
        ))}
      </ul>
    </header>
  );
}
