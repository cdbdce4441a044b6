// Keras's CSVLogger (keras/src/callbacks/csv_logger.py): one row per epoch, appended and flushed
// at each epoch's end; the header is `epoch` then the sorted log keys (loss, accuracy, val_loss…),
// separated by the logger's `separator` (`,` unless set). A key missing at an epoch is written
// `NA`; array values as `"[a, b]"`. `append=False` (the default) truncates the file at the next
// `fit()`, so a file that shrinks is a new training in the same file.
import type { NewPoint } from '../../store/metric-point';
import { parseNumberCell, splitCsvLine } from '../csv/csv-line';
import type { RowReader } from '../csv/csv-rows';

export const EPOCH_COLUMN = 'epoch';

export interface KerasHeader {
  sep: string;
  columns: string[];
}

/**
 * A Keras CSVLogger header: `epoch`, a separator (any character a key cannot start with), then
 * the metric names. Null otherwise. A header with a `step` column is Lightning's, not Keras's.
 */
export function kerasHeader(line: string): KerasHeader | null {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (!line.startsWith(EPOCH_COLUMN) || line.length <= EPOCH_COLUMN.length) return null;
  const sep = line[EPOCH_COLUMN.length]!;
  if (/[\w."]/.test(sep)) return null;
  const columns = splitCsvLine(line, sep);
  if (columns.length < 2 || columns.includes('step') || columns.some((c) => c.trim() === '')) return null;
  return { sep, columns };
}

/** True when a data row looks like Keras's: an integer epoch and numbers (or `NA`, arrays) after it. */
export function looksLikeKerasRow(header: KerasHeader, line: string): boolean {
  const fields = splitCsvLine(line, header.sep);
  if (fields.length !== header.columns.length || !/^\d+$/.test(fields[0]!.trim())) return false;
  return fields.slice(1).every((f) => parseNumberCell(f) !== undefined || isArrayCell(f));
}

function isArrayCell(cell: string): boolean {
  return cell.startsWith('[') && cell.endsWith(']');
}

/** Reads rows into points at step = epoch; `timestamp` is the time they were read. */
export function kerasRowReader(header: KerasHeader, timestamp: number): RowReader {
  return (fields, _row, problems) => {
    const epoch = parseNumberCell(fields[0] ?? '');
    if (typeof epoch !== 'number' || !Number.isInteger(epoch)) {
      problems.push(`epoch '${(fields[0] ?? '').slice(0, 40)}' is not an integer; row skipped`);
      return [];
    }
    const points: NewPoint[] = [];
    for (let i = 1; i < header.columns.length && i < fields.length; i++) {
      const value = parseNumberCell(fields[i]!);
      if (value === null) continue;
      // Array-valued logs (a per-class metric) have no single value to chart.
      if (value === undefined) {
        if (!isArrayCell(fields[i]!)) problems.push(`column '${header.columns[i]}': '${fields[i]!.slice(0, 40)}' is not a number; skipped`);
      } else points.push({ key: header.columns[i]!, value, step: epoch, timestamp });
    }
    return points;
  };
}
