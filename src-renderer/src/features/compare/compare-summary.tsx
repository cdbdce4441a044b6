// Per metric the runs share: each run's last, min and max, the step where it was at its best,
// and how its last value moved from the baseline's. Whether a move is good depends on the metric,
// so each key carries a direction (guessed from its name, settable here, kept in the URL): the
// delta is coloured by better/worse under it, and the run that reached the best value is marked.
import type { RunSummary } from '../../../../src-shared/domain';
import { RunSwatch } from '../../components/run-swatch';
import type { CompareView, MetricDirection } from '../../lib/compare-view';
import { formatCount, formatNumber } from '../../../../src-shared/format';
import { metricFigures, type MetricFigures } from './compare-model';
import { inferDirection, metricDirection } from '../../../../src-shared/metric-direction';

function Delta({ figures }: { figures: MetricFigures }) {
  const { delta, verdict } = figures;
  if (delta === null) return <span className="muted">—</span>;
  const sign = delta > 0 ? 'positive' : delta < 0 ? 'negative' : 'zero';
  return (
    <span
      className={`compare-delta compare-delta--${verdict ?? 'unjudged'}`}
      data-testid="metric-delta"
      data-sign={sign}
      data-verdict={verdict ?? 'unknown'}
      title={verdict ? `${verdict} than the baseline` : 'Set whether lower or higher is better to judge this'}
    >
      {delta > 0 ? '+' : ''}
      {formatNumber(delta)}
    </span>
  );
}

const orDash = (n: number | null) => (n === null ? '—' : formatNumber(n));

const DIRECTION_LABELS: Record<MetricDirection, { arrow: string; title: string }> = {
  min: { arrow: '↓', title: 'Lower is better' },
  max: { arrow: '↑', title: 'Higher is better' },
};

/** ↓ / ↑ for one key. Choosing what the name already implies drops the choice from the URL. */
function DirectionToggle({ metricKey, view, onChange }: { metricKey: string; view: CompareView; onChange: (patch: Partial<CompareView>) => void }) {
  const current = metricDirection(metricKey, view.directions);
  const choose = (direction: MetricDirection) => {
    const { [metricKey]: _, ...others } = view.directions;
    onChange({ directions: inferDirection(metricKey) === direction ? others : { ...others, [metricKey]: direction } });
  };
  return (
    <span className="compare-direction" role="group" aria-label={`Which ${metricKey} is better`} data-testid="direction" data-direction={current ?? 'unknown'}>
      {current === null && <span className="compare-direction__ask">better?</span>}
      {(['min', 'max'] as const).map((direction) => (
        <button
          key={direction}
          type="button"
          aria-pressed={current === direction}
          title={DIRECTION_LABELS[direction].title}
          onClick={() => choose(direction)}
          data-testid={`direction-${direction}`}
        >
          {DIRECTION_LABELS[direction].arrow}
        </button>
      ))}
    </span>
  );
}

interface CompareSummaryProps {
  runs: RunSummary[];
  metricKeys: string[];
  baselineIndex: number;
  view: CompareView;
  onChange: (patch: Partial<CompareView>) => void;
}

export function CompareSummary({ runs, metricKeys, baselineIndex, view, onChange }: CompareSummaryProps) {
  return (
    <section className="compare-section panel" data-testid="compare-summary">
      <header className="compare-section__head">
        <h2 className="section-title">Metrics</h2>
        <span className="muted compare-section__note">
          keys every run has · ↓ ↑ which way is better · Δ = last − baseline's last, <span className="compare-delta--better">better</span> or{' '}
          <span className="compare-delta--worse">worse</span> · ★ reached the best value
        </span>
      </header>
      {metricKeys.length === 0 ? (
        <p className="muted compare-section__empty">These runs share no metric key.</p>
      ) : (
        <div className="compare-section__scroll compare-table-frame">
          <table className="compare-table compare-table--summary num">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Run</th>
                <th scope="col">Last</th>
                <th scope="col">Min</th>
                <th scope="col">Max</th>
                <th scope="col" title="The step where the run first reached its best value">
                  Step of best
                </th>
                <th scope="col">Δ last</th>
              </tr>
            </thead>
            {metricKeys.map((key) => {
              const direction = metricDirection(key, view.directions);
              return (
                <tbody key={key} className="compare-table__group">
                  {metricFigures(runs, key, baselineIndex, direction).map((f, i) => (
                    <tr key={f.runId} data-testid="summary-row" data-metric-key={key} data-run-id={f.runId} data-best={f.isBest || undefined}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={runs.length} className="compare-table__key compare-table__metric">
                          <span className="mono compare-table__metric-key" title={key}>
                            {key}
                          </span>
                          <DirectionToggle metricKey={key} view={view} onChange={onChange} />
                        </th>
                      )}
                      <td className="compare-table__run-cell">
                        <span>
                          <RunSwatch runId={f.runId} />
                          <span className="compare-table__run-name">{runs[i]!.name || f.runId.slice(0, 12)}</span>
                          {f.isBest && (
                            <span className="compare-best" data-testid="summary-best" title={`Reached the ${direction === 'min' ? 'lowest' : 'highest'} ${key} of these runs`}>
                              ★
                            </span>
                          )}
                        </span>
                      </td>
                      <td data-testid="summary-last" title={String(f.last)}>
                        {formatNumber(f.last)}
                      </td>
                      <td data-testid="summary-min" className={f.isBest && direction === 'min' ? 'is-best' : undefined}>
                        {orDash(f.min)}
                      </td>
                      <td data-testid="summary-max" className={f.isBest && direction === 'max' ? 'is-best' : undefined}>
                        {orDash(f.max)}
                      </td>
                      <td data-testid="summary-best-step">{f.bestStep === null ? '—' : formatCount(f.bestStep)}</td>
                      <td>{i === baselineIndex ? <span className="muted">baseline</span> : <Delta figures={f} />}</td>
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}
