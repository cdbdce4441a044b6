/**
 * What the watcher needs from each on-disk format it imports (native run folders, MLflow file
 * stores, MLflow SQLite files; TensorBoard and others later). A format splits its files into
 * *units* — a run folder, an experiment folder, a database file — each ingested whole and
 * serially by the watcher's per-unit queue. Unit keys are absolute paths under the watched root,
 * so problems can be filed on the root that holds them.
 */
export interface IngestSource {
  /** Names the format in logs and queue keys. */
  readonly kind: string;
  /**
   * The unit a changed file belongs to, or null when the file is none of this format's
   * business. Called for every file event, so it decides from the path alone (no I/O).
   */
  unitFor(changedPath: string): string | null;
  /** Folders this format knows hold nothing it reads (e.g. MLflow artifact trees): not watched. */
  ignoresDir(dir: string): boolean;
  /** Every unit under `root` (a folder, or a file the format reads directly). */
  findUnits(root: string, problems: string[]): Promise<string[]>;
  /** Brings the store up to date with one unit. Never throws for bad files: reports them. */
  ingest(unit: string): Promise<UnitResult>;
}

export interface UnitResult {
  /** Runs the unit holds (imported or updated). */
  runIds: string[];
  /** New metric points stored. */
  points: number;
  problems: string[];
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
