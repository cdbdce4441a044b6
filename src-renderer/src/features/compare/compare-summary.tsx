// Per metric the runs share: each run's last, min and max, and how its last value moved from
// the baseline's. The sign is coloured, not judged: whether up is good depends on the metric.
import type { RunSummary } from '../../../../src-shared/domain';
import { RunSwatch } from '../../components/run-swatch';
import { formatNumber } from '../../lib/format';
import { metricFigures } from './compare-model';

function Delta({ delta }: { delta: number | null }) {
  if (delta === null) return <span className="muted">—</span>;
  const sign = delta > 0 ? 'positive' : delta < 0 ? 'negative' : 'zero';
  return (
    <span className={`compare-delta compare-delta--${sign}`} data-testid="metric-delta" data-sign={sign}>
      {delta > 0 ? '+' : ''}
      {formatNumber(delta)}
    </span>
  );
}

const orDash = (n: number | null) => (n === null ? '—' : formatNumber(n));

interface CompareSummaryProps {
  runs: RunSummary[];
  metricKeys: string[];
  baselineIndex: number;
}

export function CompareSummary({ runs, metricKeys, baselineIndex }: CompareSummaryProps) {
  return (
    <section className="compare-section panel" data-testid="compare-summary">
      <header className="compare-section__head">
        <h2 className="section-title">Metrics</h2>
        <span className="muted compare-section__note">keys every run has · Δ = last − baseline's last</span>
      </header>
      {metricKeys.length === 0 ? (
        <p className="muted compare-section__empty">These runs share no metric key.</p>
      ) : (
        <div className="compare-section__scroll">
          <table className="compare-table compare-table--summary num">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Run</th>
                <th scope="col">Last</th>
                <th scope="col">Min</th>
                <th scope="col">Max</th>
                <th scope="col">Δ last</th>
              </tr>
            </thead>
            {metricKeys.map((key) => (
              <tbody key={key} className="compare-table__group">
                {metricFigures(runs, key, baselineIndex).map((f, i) => (
                  <tr key={f.runId} data-testid="summary-row" data-metric-key={key} data-run-id={f.runId}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={runs.length} className="compare-table__key mono" title={key}>
                        {key}
                      </th>
                    )}
                    <td className="compare-table__run-cell">
                      <span>
                        <RunSwatch runId={f.runId} />
                        {runs[i]!.name || f.runId.slice(0, 12)}
                      </span>
                    </td>
                    <td data-testid="summary-last" title={String(f.last)}>
                      {formatNumber(f.last)}
                    </td>
                    <td data-testid="summary-min">{orDash(f.min)}</td>
                    <td data-testid="summary-max">{orDash(f.max)}</td>
                    <td>{i === baselineIndex ? <span className="muted">baseline</span> : <Delta delta={f.delta} />}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
