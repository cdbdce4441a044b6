import { stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import type { SourceKind } from '../../../../src-shared/domain';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import type { IngestSource, UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { ImportedRunWriter, type ImportedRun } from './imported-run';
import { WatchedRoots } from './watched-roots';
import { createdAt } from './file-reads';

const NOTHING: UnitResult = { runIds: [], points: 0, problems: [] };

/** What a format says about a unit's run; its kind and path are the source's and the unit's. */
export type RunFields = Omit<ImportedRun, 'kind' | 'path'>;

/**
 * The IngestSource steps every other logger's files share (DVCLive, Lightning, Keras, HF
 * Trainer): scan a watched folder for candidate units, read a unit, write its run, store its
 * points. A format supplies only how its files look (`candidatesIn`, `read`), the run they
 * describe (`describe`) and how their points are stored (`storePoints`).
 * `Found` is what `read` learned of a unit, handed on to the later steps.
 */
export abstract class LoggerFileSource<Found> implements IngestSource {
  abstract readonly kind: SourceKind;
  protected readonly roots: WatchedRoots;
  private readonly runs: ImportedRunWriter;

  constructor(
    protected readonly store: Store,
    protected readonly hub: EventHub,
  ) {
    this.roots = new WatchedRoots(store);
    this.runs = new ImportedRunWriter(store, hub);
  }

  abstract unitFor(changedPath: string): string | null;

  /** The units a folder of the scan may hold; `recognises` then decides. */
  protected abstract candidatesIn(dir: string, entries: Dirent[]): string[];

  /** What the unit holds, or null when it is not this format's. Never throws for bad files. */
  protected abstract read(unit: string, problems: string[]): Promise<Found | null>;

  /** The run the unit describes; problems found reading its metadata are added to `problems`. */
  protected abstract describe(unit: string, found: Found, problems: string[]): Promise<RunFields>;

  /** Stores the unit's new points under `runId`; returns how many. */
  protected abstract storePoints(runId: string, unit: string, found: Found, problems: string[]): Promise<number>;

  /**
   * A run named by its path below the watched folder, in the experiment named after that folder,
   * started when the unit was created; RUNNING for good, as the format writes no end marker.
   */
  protected async unendedRun(unit: string, params: Record<string, string>): Promise<RunFields> {
    return {
      experiment: this.roots.experimentFor(unit),
      name: this.roots.nameFor(unit),
      status: 'RUNNING',
      startTime: await createdAt(unit),
      endTime: null,
      params,
      tags: {},
    };
  }

  /** Whether a candidate found by a scan is this format's: by default, whether it reads as such. */
  protected async recognises(unit: string, problems: string[]): Promise<boolean> {
    return (await this.read(unit, problems)) !== null;
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.remember(root);
    // A set: several folders may name the same unit (HF checkpoints name their output folder).
    const candidates = new Set<string>();
    await walkTree(root, problems, (dir, entries) => {
      for (const unit of this.candidatesIn(dir, entries)) candidates.add(unit);
      // Candidates only: whether they are this format's is read below, so the walk goes on.
      return true;
    });
    const found: string[] = [];
    for (const unit of candidates) if (await this.recognises(unit, problems)) found.push(unit);
    return found;
  }

  async ingest(unit: string): Promise<UnitResult> {
    const problems: string[] = [];
    const found = await this.read(unit, problems);
    if (found === null) return { ...NOTHING, problems };
    const runId = this.runs.write({ kind: this.kind, path: unit, ...(await this.describe(unit, found, problems)) }, problems);
    if (runId === null) return { ...NOTHING, problems };
    const points = await this.storePoints(runId, unit, found, problems);
    return { runIds: [runId], points, problems };
  }
}
