import type { MetricSummary } from '../../../../src-shared/domain';
import { fromWire } from '../../../../src-shared/wire-number';
import { formatCount, formatNumber } from '../../../../src-shared/format';

export function MetricSummaryTable({ metrics }: { metrics: MetricSummary[] }) {
  return (
    <section className="run-section panel run-section--metrics" data-testid="metric-summary">
      <header className="run-section__head">
        <h2 className="section-title">
          Metrics <span className="run-section__count">{metrics.length}</span>
        </h2>
      </header>
      {metrics.length === 0 ? (
        <p className="muted run-section__empty">No metric logged yet.</p>
      ) : (
        <div className="run-section__scroll">
          <table className="metric-table num">
            <thead>
              <tr>
                <th>Key</th>
                <th>Last</th>
                <th>Min</th>
                <th>Max</th>
                <th>Last step</th>
                <th>Count</th>
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => (
                <tr key={m.key} data-testid="metric-summary-row" data-metric-key={m.key}>
                  <th scope="row" className="mono" title={m.key}>
                    {m.key}
                  </th>
                  <td title={String(fromWire(m.last))}>{formatNumber(fromWire(m.last))}</td>
                  <td>{m.min === null ? '—' : formatNumber(m.min)}</td>
                  <td>{m.max === null ? '—' : formatNumber(m.max)}</td>
                  <td>{formatCount(m.lastStep)}</td>
                  <td data-testid="metric-count">{formatCount(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
