import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import { METRICS_FILE, RUN_FILE } from '../ingest/run-folder-format';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { copyJoinedArtifacts } from './joined-artifacts';
import { INPUTS_FILE, OUTPUTS_FILE } from '../ingest/run-folder-io-format';
import { ingestRunFolder } from './run-folder-ingester';
import { findRunFolders } from './find-run-folders';
import { SKIPPED_DIRS } from './walk-tree';
import type { IngestSource, UnitResult } from './source';

const WATCHED_FILES = new Set([RUN_FILE, METRICS_FILE, INPUTS_FILE, OUTPUTS_FILE]);

/** Native run folders (README "The run-folder format"): one unit per folder holding run.json. */
export class RunFolderSource implements IngestSource {
  readonly kind = 'runlens-folder';

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
    private readonly artifacts: ArtifactStore,
  ) {}

  unitFor(changedPath: string): string | null {
    return WATCHED_FILES.has(basename(changedPath)) ? dirname(changedPath) : null;
  }

  ignoresDir(dir: string): boolean {
    return SKIPPED_DIRS.has(basename(dir));
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    return findRunFolders(root, problems);
  }

  async ingest(dir: string): Promise<UnitResult> {
    const r = await ingestRunFolder(this.store, this.hub, dir);
    const target = r.joinedArtifactUri ? this.artifacts.localDir(r.joinedArtifactUri) : null;
    if (r.runId && target && (await copyJoinedArtifacts(dir, target, this.artifacts, r.problems)) > 0) this.hub.runChanged(r.runId);
    return { runIds: r.runId ? [r.runId] : [], points: r.points, problems: r.problems };
  }
}
