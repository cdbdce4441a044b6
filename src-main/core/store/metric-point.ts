/** One stored metric point: step, epoch-ms timestamp and value (NaN/±Inf allowed). */
export interface MetricPoint {
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

/** Points of one series as parallel columns, in storage order. */
export interface SeriesColumns {
  step: Float64Array;
  timestamp: Float64Array;
  value: Float64Array;
}

/** Steps and values alone, for reads that need no timestamps. */
export type StepValues = Pick<SeriesColumns, 'step' | 'value'>;

/** A point as logged: a missing step defaults to the series' point count (its index). */
export type NewPoint = Omit<MetricPoint, 'step'> & { step?: number | undefined };

/**
 * Points as logged, one array per field (the native route's columnar body): `key[i]` indexes
 * `keys`; a missing `step` defaults as in NewPoint. Values are already numbers (NaN/±Inf).
 */
export interface PointColumns {
  keys: readonly string[];
  key: ArrayLike<number>;
  value: ArrayLike<number>;
  step?: ArrayLike<number> | undefined;
  timestamp: ArrayLike<number>;
}

/** The summary columns of a `metric_series` row, kept current on every insert. */
export interface SeriesSummaryColumns {
  count: number;
  last_value: number | null;
  last_is_nan: number;
  last_step: number;
  last_timestamp: number;
  min_value: number | null;
  max_value: number | null;
  /** Smallest step holding min_value / max_value (null with them). */
  min_value_step: number | null;
  max_value_step: number | null;
}
