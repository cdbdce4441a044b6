// Limits every boundary enforces; MLflow's where MLflow has one.
export const LIMITS = {
  keyLength: 250,
  paramValueLength: 6000,
  tagValueLength: 8000,
  nameLength: 500,
  /** Largest request body the server reads, in bytes. */
  bodyBytes: 32 * 1024 * 1024,
  /** Points accepted in one log request. */
  pointsPerRequest: 100_000,
  seriesPoints: 20_000,
  /** Runs × keys one series query may ask for (the UI splits larger comparisons). */
  seriesPerQuery: 20_000,
  /** Buckets one series query may ask for. */
  seriesBuckets: 10_000,
  /** Characters of a runs query in MLflow's filter syntax. */
  filterLength: 10_000,
  /** Bytes of a file an artifact preview carries (the UI says "showing the first …"). */
  previewBytes: 256 * 1024,
} as const;
