import type { NewPoint } from '../../store/metric-point';
import { splitCsvLine } from './csv-line';

/** Turns one data row's fields into points; `row` counts data rows from the file's start. */
export type RowReader = (fields: string[], row: number, problems: string[]) => NewPoint[];

export interface RowsRead {
  points: NewPoint[];
  /** Data rows seen (blank lines and the header are not rows). */
  rows: number;
}

const MAX_REPORTED = 5;

/**
 * Reads complete lines of a CSV body. `text` starts at byte `baseOffset` of the file; when that
 * is 0 its first line is the header and is skipped. Junk is reported by byte offset (the first
 * few, then a count) and skipped, never thrown.
 */
export function readCsvRows(text: string, baseOffset: number, sep: string, firstRow: number, read: RowReader, file: string, problems: string[]): RowsRead {
  const points: NewPoint[] = [];
  const rowProblems: string[] = [];
  let rows = 0;
  let at = baseOffset;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineStart = at;
    at += Buffer.byteLength(line) + 1;
    if ((i === 0 && baseOffset === 0) || line.trim() === '') continue;
    const before = rowProblems.length;
    for (const p of read(splitCsvLine(line, sep), firstRow + rows, rowProblems)) points.push(p);
    for (let j = before; j < rowProblems.length; j++) rowProblems[j] = `${file}: byte ${lineStart}: ${rowProblems[j]}`;
    rows += 1;
  }
  problems.push(...rowProblems.slice(0, MAX_REPORTED));
  if (rowProblems.length > MAX_REPORTED) problems.push(`${file}: ${rowProblems.length - MAX_REPORTED} more bad cells skipped`);
  return { points, rows };
}
