// Runs read from other loggers' files (DVCLive, Lightning, Keras, HF Trainer): their id, and
// writing them into the store. These formats name no run id; the id is a hash of the source
// kind and the run's absolute path, so re-ingest finds the same run, and a run written in two
// formats (Lightning's CSV beside its TensorBoard files) appears once per format.
import { createHash } from 'node:crypto';
import type { RunStatus, SourceKind } from '../../../../src-shared/domain';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { ChangeFilter } from '../mlflow/apply-mlflow';
import { errorText } from '../source';

export interface ImportedRun {
  kind: SourceKind;
  /** The run's folder (or file): its source path, and what its id is made from. */
  path: string;
  /** What the id is made from instead, when one path holds several runs (a DVC project's stages). */
  idKey?: string;
  experiment: string;
  name: string;
  status: RunStatus;
  /** Used when the run is first stored; later writes keep the stored start. */
  startTime: number;
  endTime: number | null;
  params: Record<string, string>;
  tags: Record<string, string>;
}

export function importedRunId(kind: SourceKind, path: string): string {
  return createHash('sha256').update(`${kind}\0${path}`).digest('hex').slice(0, 32);
}

/**
 * Writes imported runs, each only when it changed since the last write (sources re-read their
 * metadata on every metric line), and announces it. Params are immutable: a changed value is
 * reported and the first kept. Tags are set, never removed.
 */
export class ImportedRunWriter {
  private readonly written = new ChangeFilter();

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {}

  /** Returns the run's id, or null when writing failed (reported). */
  write(run: ImportedRun, problems: string[]): string | null {
    const id = importedRunId(run.kind, run.idKey ?? run.path);
    if (!this.written.changed(id, run)) return id;
    try {
      this.store.tx(() => {
        // The start is the file's time when first seen; it must not move on every re-read.
        const startTime = this.store.runs.exists(id) ? this.store.runs.summary(id)!.startTime : Math.round(run.startTime);
        this.store.runs.upsert({ id, experiment: run.experiment, name: run.name, status: run.status, startTime, endTime: run.endTime, sourceKind: run.kind, sourcePath: run.path });
        const params = { ...run.params };
        for (const key of this.store.runs.paramConflicts(id, params)) {
          problems.push(`${run.path}: param '${key}' changed value; the first value is kept`);
          delete params[key];
        }
        this.store.runs.setParams(id, params);
        this.store.runs.setTags(id, run.tags);
      });
    } catch (e) {
      this.written.forget(id);
      problems.push(`${run.path}: ${errorText(e)}`);
      return null;
    }
    this.hub.runChanged(id);
    return id;
  }
}
