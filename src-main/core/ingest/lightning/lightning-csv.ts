// Lightning's CSVLogger (lightning/fabric/loggers/csv_logs.py): `<save_dir>/<name>/version_<n>/
// metrics.csv` beside `hparams.yaml`. Columns are the union of the logged keys plus `step` (and
// `epoch`, which the Trainer logs like a metric); a row holds one `log_metrics` call, so cells of
// keys it did not log are empty. Newer versions sort the keys and rewrite the whole file (header
// and every row, in order) when a new key appears; older ones rewrote it whole on every save.
import type { NewPoint } from '../../store/metric-point';
import { parseNumberCell, splitCsvLine } from '../csv/csv-line';
import type { RowReader } from '../csv/csv-rows';

export const LIGHTNING_METRICS_FILE = 'metrics.csv';
export const LIGHTNING_HPARAMS_FILE = 'hparams.yaml';
export const STEP_COLUMN = 'step';

/** The columns of a Lightning metrics.csv header, or null when it is not one (no `step`). */
export function lightningColumns(header: string): string[] | null {
  const columns = splitCsvLine(header, ',');
  return columns.includes(STEP_COLUMN) ? columns : null;
}

/**
 * Reads rows into points: the step from the `step` column (the row's index when empty), every
 * other non-empty cell a point of its column's key. Lightning writes no time: points carry
 * `timestamp`, the time they were read.
 */
export function lightningRowReader(columns: string[], timestamp: number): RowReader {
  const stepAt = columns.indexOf(STEP_COLUMN);
  return (fields, row, problems) => {
    const stepCell = parseNumberCell(fields[stepAt] ?? '');
    const step = typeof stepCell === 'number' && Number.isFinite(stepCell) ? stepCell : row;
    const points: NewPoint[] = [];
    if (fields.length > columns.length) problems.push(`${fields.length} fields where the header has ${columns.length}; extra fields skipped`);
    for (let i = 0; i < columns.length && i < fields.length; i++) {
      if (i === stepAt) continue;
      const value = parseNumberCell(fields[i]!);
      if (value === null) continue;
      if (value === undefined) problems.push(`column '${columns[i]}': '${fields[i]!.slice(0, 40)}' is not a number; skipped`);
      else points.push({ key: columns[i]!, value, step, timestamp });
    }
    return points;
  };
}
