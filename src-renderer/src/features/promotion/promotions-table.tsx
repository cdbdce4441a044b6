// Promotion records as a table: the Models page lists them all, a run page those of its run.
import type { PromotionRecord } from '../../../../src-shared/promotion';
import { formatDateTime } from '../../../../src-shared/format';
import { routeHref } from '../../lib/hash-router';
import { useRunsStore } from '../../stores/runs-store';
import { gateSummary, remoteVersionLabel } from './gate-format';
import { OutcomeBadge } from './promotion-outcome';

function RunLink({ runId }: { runId: string }) {
  const name = useRunsStore((s) => s.byId[runId]?.name);
  return (
    <a href={routeHref({ page: 'run', runId })} title={runId}>
      {name || <span className="mono">{runId.slice(0, 8)}</span>}
    </a>
  );
}

/** A logged model id stays whole (it is short); a folder path shows its last segment. */
function modelLabel(modelRef: string): string {
  return modelRef.startsWith('m-') ? modelRef : (modelRef.split('/').filter(Boolean).pop() ?? modelRef);
}

export function PromotionsTable({ records, showRun }: { records: PromotionRecord[]; showRun: boolean }) {
  return (
    <div className="promotions-table__wrap">
      <table className="promotions-table" data-testid="promotions-table">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Remote model</th>
            <th scope="col">Version</th>
            <th scope="col">Alias</th>
            <th scope="col">Registry</th>
            {showRun && <th scope="col">Run</th>}
            <th scope="col">Model</th>
            <th scope="col">Gate</th>
            <th scope="col">Override reason</th>
            <th scope="col">Who</th>
            <th scope="col" className="promotions-table__when">
              When
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="promotion-row" data-id={r.id} data-outcome={r.outcome}>
              <td>
                <OutcomeBadge outcome={r.outcome} />
                {r.error && r.outcome !== 'cancelled' && (
                  <div className={`promotions-table__error${r.outcome === 'failed' ? ' promotions-table__error--failed' : ''}`} title={r.error}>
                    {r.error}
                  </div>
                )}
              </td>
              <td className="mono">{r.remoteName}</td>
              <td className="mono" title={r.remoteVersion ?? undefined}>
                {remoteVersionLabel(r) ?? <span className="muted">—</span>}
              </td>
              <td className="mono">{r.alias ?? <span className="muted">—</span>}</td>
              <td>{r.registry}</td>
              {showRun && (
                <td>
                  <RunLink runId={r.runId} />
                </td>
              )}
              <td className="mono promotions-table__model" title={`${r.modelRef}\n${r.modelDigest}`}>
                {modelLabel(r.modelRef)}
              </td>
              <td className={r.gate.passed ? '' : 'promotions-table__gate-failed'} title={r.gate.rules.map((g) => `${g.passed ? '✓' : '✗'} ${g.expression}: ${g.detail}`).join('\n')} data-testid="promotion-gate">
                {gateSummary(r.gate)}
              </td>
              <td className="promotions-table__reason" data-testid="promotion-override">
                {r.overrideReason ?? <span className="muted">—</span>}
              </td>
              <td>{r.user}</td>
              <td className="num promotions-table__when">{formatDateTime(r.startedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
