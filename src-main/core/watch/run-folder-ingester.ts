import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import { METRICS_FILE, RUN_FILE, parseMetricLine, parseRunFile, ARTIFACTS_DIR } from '../ingest/run-folder-format';
import { errorText } from './source';
import { lineParser, tailFile } from './tail-file';
import { ingestRunFolderIO } from './run-folder-io';
import { readRegularText } from './read-regular-file';

export interface FolderResult {
  runId: string | null;
  points: number;
  problems: string[];
  /** The artifact URI of a run created another way that this folder joined (its files belong there too). */
  joinedArtifactUri?: string;
}

/**
 * Ingests one native run folder: `run.json` is (re)read whole, `inputs.json` and `outputs.json`
 * add the data they newly name (see run-folder-io.ts), `metrics.jsonl` is tailed from
 * the offset committed last time (see tailFile). Junk lines are skipped and reported; nothing
 * here throws for bad files.
 */
export async function ingestRunFolder(store: Store, hub: EventHub, dir: string): Promise<FolderResult> {
  const problems: string[] = [];
  let text: string;
  try {
    text = await readRegularText(join(dir, RUN_FILE));
  } catch (e) {
    return { runId: null, points: 0, problems: [`${dir}: cannot read ${RUN_FILE}: ${errorText(e)}`] };
  }
  let meta;
  try {
    meta = parseRunFile(text, dir, basename(dir));
  } catch (e) {
    // A run.json caught mid-write parses on the next change event; report it meanwhile.
    return { runId: null, points: 0, problems: [`${dir}: ${errorText(e)}`] };
  }
  const runId = meta.id;
  const fileStart = meta.startTime ?? (await stat(join(dir, RUN_FILE))).mtimeMs;
  const keptArtifacts = store.tx(() => {
    // A folder joining a run created another way (the Python client switching to the spool
    // mid-run) leaves the run its artifact folder, as it leaves it its source: the files
    // uploaded before the switch stay listed, and the folder's own are copied there
    // (RunFolderSource, with joined-artifacts.ts).
    const joined = store.runs.summary(runId);
    const kept = joined && joined.sourceKind !== 'runlens-folder' ? joined.artifactUri : null;
    store.runs.upsert({
      id: runId,
      experiment: meta.experiment,
      name: meta.name,
      status: meta.status,
      startTime: Math.round(fileStart),
      endTime: meta.endTime,
      sourceKind: 'runlens-folder',
      sourcePath: dir,
      artifactUri: kept ?? join(dir, ARTIFACTS_DIR),
    });
    const conflicts = store.runs.paramConflicts(runId, meta.params);
    for (const key of conflicts) {
      problems.push(`${dir}: param '${key}' changed value; the first value is kept`);
      delete meta.params[key];
    }
    store.runs.setParams(runId, meta.params);
    store.runs.setTags(runId, meta.tags);
    return kept;
  });
  hub.runChanged(runId);
  problems.push(...(await ingestRunFolderIO(store, hub, dir, runId)));
  const file = join(dir, METRICS_FILE);
  const parse = lineParser(file, (line) => {
    const p = parseMetricLine(line);
    return { key: p.key, value: p.value, step: p.step, timestamp: p.timestamp ?? Date.now(), seq: p.seq };
  });
  const points = await tailFile(store, hub, { runId, file, offsetKey: file, parse }, problems);
  return { runId, points, problems, ...(keptArtifacts ? { joinedArtifactUri: keptArtifacts } : {}) };
}
