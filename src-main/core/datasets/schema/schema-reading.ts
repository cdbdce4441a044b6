import type { DatasetColumn } from '../../../../src-shared/domain';

/** What a schema reader learned of a data file; on a problem, columns and rows are null. */
export interface SchemaReading {
  columns: DatasetColumn[] | null;
  rows: number | null;
  problem: string | null;
}

export function unreadable(problem: string): SchemaReading {
  return { columns: null, rows: null, problem };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
