// Under each compare chart: who is drawn, in which colour, and who is not and why.
import { memo } from 'react';
import type { ChartEntry, EntryState } from './chart-model';

const NOTE: Record<EntryState, string | null> = {
  drawn: null,
  loading: 'loading',
  'no-data': 'no data',
  'no-finite': 'only NaN/∞',
};

export const ChartLegend = memo(function ChartLegend({ entries }: { entries: ChartEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={`chart-legend__item${entry.state === 'drawn' ? '' : ' chart-legend__item--absent'}`}
          data-testid="chart-legend-item"
          data-entry-id={entry.id}
          data-state={entry.state}
          title={entry.label}
        >
          <span className="chart-legend__swatch" style={{ background: entry.color }} />
          <span className="chart-legend__label">{entry.label}</span>
          {entry.runCount !== null && <span className="muted" data-testid="group-run-count">{entry.runCount === 1 ? '1 run' : `${entry.runCount} runs`}</span>}
          {NOTE[entry.state] && <span className="muted">· {NOTE[entry.state]}</span>}
        </li>
      ))}
    </ul>
  );
});
