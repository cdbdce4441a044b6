import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import type { DatasetRecord } from '../../store/dataset-repo';
import { DVC_LOCK, DVC_YAML, parseDvcLock, parseDvcYamlArtifacts, type DvcLockedStage, type DvcPathState } from '../../ingest/dvc/dvc-project-format';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { ImportedRunWriter, importedRunId } from '../logger-files/imported-run';
import { modifiedAt, readTextIfExists } from '../logger-files/file-reads';

/** DVC's own folder (config, cache, temp files): never a project, and its cache is large. */
const DVC_DIR = '.dvc';
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * DVC projects: a folder holding dvc.yaml is a unit, and each stage its dvc.lock records becomes
 * a run (sourceKind 'dvc') with its deps as inputs and its outs as outputs, so stages chained by
 * files become derived edges of the lineage graph. Stages not yet in the lock never ran and have
 * no hashes: they are not imported.
 *
 * A stage that runs again on other data (`dvc repro` after a change) becomes another run: the
 * run id is made from the project folder, the stage name and the digest of its lock entry. The
 * earlier run keeps the versions it used and made, so the graph shows both generations and the
 * earlier one carries "newer data available"; re-reading an unchanged lock writes nothing new.
 * A run's start and end are when its lock state was first seen.
 */
export class DvcProjectSource implements IngestSource {
  readonly kind = 'dvc';
  private readonly runs: ImportedRunWriter;

  constructor(
    private readonly store: Store,
    hub: EventHub,
  ) {
    this.runs = new ImportedRunWriter(store, hub);
  }

  unitFor(changedPath: string): string | null {
    const name = basename(changedPath);
    return name === DVC_YAML || name === DVC_LOCK ? dirname(changedPath) : null;
  }

  ignoresDir(dir: string): boolean {
    return basename(dir) === DVC_DIR;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    const found: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (basename(dir) === DVC_DIR) return false;
      if (entries.some((e) => e.isFile() && e.name === DVC_YAML)) found.push(dir);
      return true;
    });
    return found;
  }

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const yamlFile = join(dir, DVC_YAML);
    const lockFile = join(dir, DVC_LOCK);
    let yamlText: string | null;
    let lockText: string | null;
    try {
      yamlText = await readTextIfExists(yamlFile);
      lockText = await readTextIfExists(lockFile);
    } catch (e) {
      return { runIds: [], points: 0, problems: [`${dir}: ${errorText(e)}`] };
    }
    if (yamlText === null || lockText === null) return { runIds: [], points: 0, problems };
    const artifacts = parseDvcYamlArtifacts(yamlText, yamlFile);
    const lock = parseDvcLock(lockText, lockFile);
    problems.push(...artifacts.problems, ...lock.problems);
    const lockedAt = (await modifiedAt(lockFile)) ?? Date.now();
    const runIds: string[] = [];
    for (const stage of lock.value) {
      const id = this.writeStage(dir, stage, artifacts.value, lockedAt, problems);
      if (id) runIds.push(id);
    }
    return { runIds, points: 0, problems };
  }

  private writeStage(dir: string, stage: DvcLockedStage, artifacts: ReadonlySet<string>, lockedAt: number, problems: string[]): string | null {
    const idKey = `${dir}\0${stage.name}\0${stage.state}`;
    const seen = this.store.runs.startTime(importedRunId(this.kind, idKey)) ?? lockedAt;
    const runId = this.runs.write(
      { kind: this.kind, path: dir, idKey, experiment: basename(dir), name: stage.name, status: 'FINISHED', startTime: seen, endTime: seen, params: stage.params, tags: { 'dvc.cmd': stage.cmd } },
      problems,
    );
    if (runId === null) return null;
    try {
      this.store.tx(() => {
        for (const dep of stage.deps) this.store.datasets.addRunInput(runId, versionOf(dir, dep, 'dataset'), {}, lockedAt);
        for (const out of stage.outs) this.store.datasets.addRunOutput(runId, versionOf(dir, out, artifacts.has(out.path) ? 'artifact' : 'dataset'), null, lockedAt);
      });
    } catch (e) {
      problems.push(`${join(dir, DVC_LOCK)}: stage '${stage.name}': ${errorText(e)}`);
    }
    return runId;
  }
}

/** A dep or out as a dataset version: named by its path in the project, digested by DVC. */
function versionOf(dir: string, p: DvcPathState, kind: DatasetRecord['kind']): DatasetRecord {
  const uri = URL.test(p.path) ? p.path : resolve(dir, p.path);
  return {
    name: p.path,
    digest: p.digest,
    sourceType: URL.test(p.path) ? 'url' : 'local',
    source: uri,
    schema: null,
    profile: p.nfiles === null ? null : JSON.stringify({ nfiles: p.nfiles }),
    kind,
    uri,
    format: p.folder ? 'folder' : extname(p.path).slice(1).toLowerCase() || null,
    sizeBytes: p.sizeBytes,
  };
}
