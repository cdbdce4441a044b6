// Params side by side, rows = keys, columns = runs. Only the keys whose values differ are shown
// by default: with dozens of params, the two that differ are the point. A cell that differs
// from the baseline column is highlighted; clicking a column header makes that run the baseline.
import { useState } from 'react';
import type { RunSummary } from '../../../../src-shared/domain';
import { RunDuration } from '../../components/run-duration';
import { RunSwatch } from '../../components/run-swatch';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTimeSeconds } from '../../lib/format';
import { sourceLabel } from '../run/source-label';
import { paramRows } from './compare-model';

const META_ROWS: { label: string; cell: (run: RunSummary) => React.ReactNode }[] = [
  { label: 'Status', cell: (run) => <StatusBadge status={run.status} /> },
  { label: 'Source', cell: (run) => sourceLabel(run).kind },
  { label: 'Duration', cell: (run) => <RunDuration run={run} /> },
  { label: 'Started', cell: (run) => formatDateTimeSeconds(run.startTime) },
];

interface ParamsDiffProps {
  runs: RunSummary[];
  baselineIndex: number;
  onBaseline: (runId: string) => void;
}

export function ParamsDiff({ runs, baselineIndex, onBaseline }: ParamsDiffProps) {
  const [onlyDiff, setOnlyDiff] = useState(true);
  const rows = paramRows(runs, baselineIndex);
  const shown = onlyDiff ? rows.filter((r) => r.differs) : rows;
  const same = rows.length - rows.filter((r) => r.differs).length;

  return (
    <section className="compare-section panel" data-testid="params-diff">
      <header className="compare-section__head">
        <h2 className="section-title">Params</h2>
        <label className="compare-section__toggle">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} data-testid="only-diff" />
          Only differences
        </label>
        <span className="muted compare-section__note">
          {onlyDiff && same > 0 ? `${same} equal ${same === 1 ? 'param' : 'params'} hidden · ` : ''}click a run to make it the baseline
        </span>
      </header>
      <div className="compare-section__scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col" className="compare-table__key" />
              {runs.map((run, i) => (
                <th scope="col" key={run.id} className={i === baselineIndex ? 'is-baseline' : undefined}>
                  <button
                    type="button"
                    className="compare-table__run"
                    onClick={() => onBaseline(run.id)}
                    aria-pressed={i === baselineIndex}
                    title={i === baselineIndex ? 'The baseline' : 'Make this run the baseline'}
                    data-testid="baseline-button"
                    data-run-id={run.id}
                  >
                    <RunSwatch runId={run.id} />
                    <span className="compare-table__run-name">{run.name || run.id.slice(0, 12)}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="compare-table__meta">
            {META_ROWS.map((meta) => (
              <tr key={meta.label}>
                <th scope="row" className="compare-table__key muted">
                  {meta.label}
                </th>
                {runs.map((run, i) => (
                  <td key={run.id} className={i === baselineIndex ? 'is-baseline' : undefined}>
                    {meta.cell(run)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-testid="param-row" data-param-key={row.key}>
                <th scope="row" className="compare-table__key mono" title={row.key}>
                  {row.key}
                </th>
                {row.values.map((value, i) => (
                  <td
                    key={runs[i]!.id}
                    className={`mono${row.fromBaseline[i] ? ' is-different' : ''}${i === baselineIndex ? ' is-baseline' : ''}`}
                    data-testid="param-cell"
                    data-different={row.fromBaseline[i] || undefined}
                    title={value}
                  >
                    {value ?? <span className="muted">—</span>}
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={runs.length + 1} className="muted compare-table__empty">
                  {rows.length === 0 ? 'No run logged params.' : 'Every param is the same in all these runs.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
