// The crosshair's legend: every run's (or group's) value at the hovered x, in its colour,
// highest first. With many runs it lists the first rows and says how many more there are.
import { memo } from 'react';
import { formatNumber } from '../../../../../src-shared/format';
import { nearestIndex } from './align-columns';
import { xValueLabel, type XKind } from './axis-format';
import type { ChartEntry } from './chart-model';

/** As many rows as fit in the plot's height; the rest are counted. */
const MAX_ROWS = 10;

export interface Hover {
  x: number;
  /** Cursor position in the plot area, CSS pixels. */
  left: number;
  plotWidth: number;
}

interface Row {
  entry: ChartEntry;
  value: number | null;
}

/** The entry's drawn value at `x`: its nearest point, or none outside the x it covers. */
export function valueAt(entry: ChartEntry, x: number): number | null {
  const n = entry.x.length;
  if (n === 0 || x < entry.x[0]! || x > entry.x[n - 1]!) return null;
  return entry.y[nearestIndex(entry.x, x)] ?? null;
}

function rows(entries: ChartEntry[], x: number): Row[] {
  return entries
    .map((entry) => ({ entry, value: entry.state === 'drawn' ? valueAt(entry, x) : null }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
}

export const CrosshairLegend = memo(function CrosshairLegend({ hover, entries, kind }: { hover: Hover; entries: ChartEntry[]; kind: XKind }) {
  const all = rows(entries, hover.x);
  const shown = all.slice(0, MAX_ROWS);
  // Beside the cursor, on the side with more room.
  const onLeft = hover.left > hover.plotWidth / 2;
  const style = onLeft ? { right: hover.plotWidth - hover.left + 14 } : { left: hover.left + 14 };
  return (
    <div className="crosshair-legend" style={style} data-testid="crosshair-legend" data-x={hover.x}>
      <div className="crosshair-legend__x">{xValueLabel(kind, hover.x)}</div>
      <table>
        <tbody>
          {shown.map(({ entry, value }) => (
            <tr key={entry.id} data-testid="crosshair-row" data-entry-id={entry.id} data-value={value ?? ''}>
              <td>
                <span className="crosshair-legend__swatch" style={{ background: entry.color }} />
              </td>
              <td className="crosshair-legend__label">
                {entry.label}
                {entry.runCount !== null && <span className="muted"> ({entry.runCount})</span>}
              </td>
              <td className="crosshair-legend__value num">
                {value !== null ? formatNumber(value, 6) : <span className="muted">{entry.state === 'no-data' ? 'no data' : '—'}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > shown.length && <div className="crosshair-legend__more muted">… {all.length - shown.length} more</div>}
    </div>
  );
});
